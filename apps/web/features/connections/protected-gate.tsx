'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { apiErrors } from '@/lib/errors';
import { StepUpPanel } from '@/features/step-up/step-up-panel';
import { NotForYou } from '@/features/ui/not-for-you';
import { ErrorNotice } from '@/features/ui/error-notice';

/**
 * What a page behind @stepUp shows: "not for you" without the right (never a code request), the
 * phone-needed notice, the SMS step-up panel, or the page itself — as the dossier does.
 */
export function ProtectedGate({
  allowed,
  loading,
  error,
  ready,
  onVerified,
  children,
}: {
  allowed: boolean;
  loading: boolean;
  error: unknown;
  ready: boolean;
  onVerified: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (!allowed) return <NotForYou />;
  if (ready) return <>{children}</>;
  if (loading) return <p role="status">{t('app.loading')}</p>;
  const codes = apiErrors(error).map((e) => e.code);
  if (codes.includes('FORBIDDEN')) return <NotForYou />;
  if (codes.includes('PHONE_REQUIRED'))
    return (
      <div className="notice warn" role="status">
        <h2>{t('protected.phoneRequired')}</h2>
        <p>{t('profile.phoneIntro')}</p>
        <p>
          <Link href="/profiel">{t('dossier.toProfile')}</Link>
        </p>
      </div>
    );
  if (codes.includes('STEP_UP_REQUIRED')) return <StepUpPanel onVerified={onVerified} />;
  return <ErrorNotice error={error ?? new Error('empty')} />;
}
