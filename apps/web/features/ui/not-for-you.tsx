'use client';

import { useI18n } from '@/lib/i18n/client';

/** Shown when the viewer's level on the open account does not allow the page (the API refuses it too). */
export function NotForYou() {
  const { t } = useI18n();
  return (
    <div className="notice warn" role="status">
      <h2>{t('page.notForYou')}</h2>
      <p>{t('page.notForYouText')}</p>
    </div>
  );
}
