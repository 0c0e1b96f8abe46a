'use client';

import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useI18n } from '@/lib/i18n/client';
import { PublicFrame } from './public-frame';
import { ActivationForm } from './activation-form';
import type { InvitationPreviewView } from './server';

/** /activeren: from the letter, or from the plus button (then also the invitations waiting for the viewer). */
export function ActivationPage({ signedInAs, pending, demo }: { signedInAs: string | null; pending: InvitationPreviewView[]; demo: boolean }) {
  const { t } = useI18n();
  return (
    <PublicFrame title={t('activate.title')} signedIn={signedInAs !== null} demo={demo}>
      {pending.length > 0 ? (
        <section className="notice" aria-labelledby="pending-h">
          <h2 id="pending-h">{t('activate.pending')}</h2>
          <p>{t('activate.pendingIntro')}</p>
          <ul className="list">
            {pending.map((p, i) => (
              <li key={p.token ?? i} className="pending-item">
                <span>
                  {p.invitedBy === p.accountDisplayName
                    ? t('activate.pendingItemOwn', { by: p.invitedBy, level: t(`level.${p.level}`) })
                    : t('activate.pendingItem', { by: p.invitedBy, name: p.accountDisplayName, level: t(`level.${p.level}`) })}
                </span>{' '}
                {p.token ? <Link href={`/uitnodiging?token=${encodeURIComponent(p.token)}`}>{t('activate.pendingOpen')}</Link> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted">{t('activate.intro')}</p>
      <ActivationForm
        signedInAs={signedInAs}
        signIn={(provider, fields) => signIn(provider, { ...fields, redirect: false })}
        onDone={() => {
          // A full navigation, so that every server component reads the new session cookie.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          window.location.assign('/kalender');
        }}
      />
      <p className="muted small after-form">{t('activate.noLetter')}</p>
    </PublicFrame>
  );
}
