'use client';

import { useI18n } from '@/lib/i18n/client';
import type { ShellAccount } from '@/lib/session';

/** Shown in the shell while the open account is CLOSED (ontkoppeld): read-only, deleted after 30 days. */
export function ClosedBanner({ account }: { account: Pick<ShellAccount, 'status' | 'displayName'> }) {
  const { t } = useI18n();
  if (account.status !== 'CLOSED') return null;
  return (
    <div className="notice warn closed-banner" role="status">
      <p>
        <strong>{t('closed.title')}</strong>
      </p>
      <p>{t('closed.text', { name: account.displayName })}</p>
    </div>
  );
}
