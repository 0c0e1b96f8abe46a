'use client';

import { errorKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { firstApiError } from '@/lib/errors';

/** An API error in plain words, translated by its code. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const info = firstApiError(error);
  return (
    <div className="notice error" role="alert">
      <p>{t(errorKey(info?.code))}</p>
    </div>
  );
}
