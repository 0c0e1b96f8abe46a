import { pageTitle } from '@/lib/i18n/metadata';
import { InvitationPage } from '@/features/onboarding/invitation-page';
import { invitationPreview, signedInPerson } from '@/features/onboarding/server';

export const generateMetadata = pageTitle('invite.title');
export const dynamic = 'force-dynamic';

export default async function Invitation({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const invitationToken = typeof token === 'string' ? token : '';
  const [invitation, person] = await Promise.all([invitationPreview(invitationToken), signedInPerson()]);
  // The preview's token is the one to accept with; fall back to the link's own.
  const usable = invitation ? { ...invitation, token: invitation.token ?? invitationToken } : null;
  return <InvitationPage invitation={usable} signedInAs={person} demo={process.env.NEXT_PUBLIC_KRING_DEMO === '1'} />;
}
