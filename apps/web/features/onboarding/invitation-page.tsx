'use client';

import { signIn } from 'next-auth/react';
import { useI18n } from '@/lib/i18n/client';
import { PublicFrame } from './public-frame';
import { InvitationAccept } from './invitation-accept';
import type { InvitationPreviewView } from './server';

export function InvitationPage({
  invitation,
  signedInAs,
  demo,
}: {
  invitation: InvitationPreviewView | null;
  signedInAs: { name: string; email: string } | null;
  demo: boolean;
}) {
  const { t } = useI18n();
  const usable = invitation?.token ? { ...invitation, token: invitation.token } : null;
  return (
    <PublicFrame title={t('invite.title')} signedIn={signedInAs !== null} demo={demo}>
      {usable ? (
        <InvitationAccept
          invitation={usable}
          signedInAs={signedInAs}
          signIn={(provider, fields) => signIn(provider, { ...fields, redirect: false })}
          onDone={() => {
            // A full navigation, so that every server component reads the new session cookie.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            window.location.assign('/kalender');
          }}
        />
      ) : (
        <div className="notice warn" role="status">
          <h2>{t('invite.invalid')}</h2>
          <p>{t('invite.invalidText')}</p>
        </div>
      )}
    </PublicFrame>
  );
}
