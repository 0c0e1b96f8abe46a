import type { Metadata } from 'next';
import { LoginPage } from '@/features/auth/login-page';

export const metadata: Metadata = { title: 'Inloggen' };

export default async function Login({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return <LoginPage expired={params.expired === '1'} demo={process.env.NEXT_PUBLIC_KRING_DEMO === '1'} />;
}
