'use client';

import Link from 'next/link';
import { useI18n } from '@/lib/i18n/client';

/** When a page or the signed-in frame cannot be built (e.g. the API is down): plain words and a way back. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card card">
        <h1>{t('error.SERVICE_UNAVAILABLE')}</h1>
        <div className="button-row">
          <button type="button" className="button" onClick={reset}>
            {t('app.retry')}
          </button>
          <Link href="/login">{t('login.title')}</Link>
        </div>
      </div>
    </main>
  );
}
