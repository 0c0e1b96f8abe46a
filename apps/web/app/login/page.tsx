import { pageTitle } from '@/lib/i18n/metadata';
import { LoginPage } from '@/features/auth/login-page';

export const generateMetadata = pageTitle('login.title');

export default async function Login({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return <LoginPage expired={params.expired === '1'} demo={process.env.NEXT_PUBLIC_KRING_DEMO === '1'} />;
}
