import { pageTitle } from '@/lib/i18n/metadata';
import { ActivationPage } from '@/features/onboarding/activation-page';
import { pendingInvitations, signedInPerson } from '@/features/onboarding/server';

export const generateMetadata = pageTitle('activate.title');
export const dynamic = 'force-dynamic';

export default async function Activate() {
  const person = await signedInPerson();
  const pending = person ? await pendingInvitations() : [];
  return <ActivationPage signedInAs={person?.name ?? null} pending={pending} demo={process.env.NEXT_PUBLIC_KRING_DEMO === '1'} />;
}
