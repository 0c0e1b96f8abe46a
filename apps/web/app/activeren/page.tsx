import type { Metadata } from 'next';
import { ActivationPage } from '@/features/onboarding/activation-page';
import { pendingInvitations, signedInPerson } from '@/features/onboarding/server';

export const metadata: Metadata = { title: 'Account activeren' };
export const dynamic = 'force-dynamic';

export default async function Activate() {
  const person = await signedInPerson();
  const pending = person ? await pendingInvitations() : [];
  return <ActivationPage signedInAs={person?.name ?? null} pending={pending} demo={process.env.NEXT_PUBLIC_KRING_DEMO === '1'} />;
}
