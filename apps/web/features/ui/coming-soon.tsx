'use client';

import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';

/** Placeholder for a page another part of the work delivers. */
export function ComingSoon({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t(title)}</h1>
      <p className="muted">{t('page.comingSoon')}</p>
    </>
  );
}
