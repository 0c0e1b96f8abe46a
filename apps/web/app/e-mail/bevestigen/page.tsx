import { pageTitle } from '@/lib/i18n/metadata';
import { TokenPageView } from '@/features/onboarding/token-pages';
import { signedInPerson } from '@/features/onboarding/server';

export const generateMetadata = pageTitle('verifyEmail.title');
export const dynamic = 'force-dynamic';

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const signedIn = (await signedInPerson()) !== null;
  return <TokenPageView page="email" token={typeof token === 'string' ? token : ''} signedIn={signedIn} demo={process.env.NEXT_PUBLIC_KRING_DEMO === '1'} />;
}
