'use client';

import { useI18n } from '@/lib/i18n/client';

/** Honest empty state until the calendar arrives (features/calendar). */
export function CalendarEmpty() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <div className="card empty-state">
        <h2>{t('calendar.empty')}</h2>
        <p className="muted">{t('calendar.emptyText')}</p>
      </div>
    </>
  );
}
