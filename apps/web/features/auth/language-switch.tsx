'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { setLocale } from '@/lib/actions/preferences';
import { LOCALES } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';

/** Nederlands / English; works before and after signing in. */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((l) => (
        <form
          key={l}
          action={(fd) =>
            startTransition(async () => {
              await setLocale(fd);
              router.refresh();
            })
          }
        >
          <input type="hidden" name="locale" value={l} />
          <button type="submit" className="button link" aria-pressed={l === locale} disabled={pending} lang={l}>
            {t(l === 'nl' ? 'lang.nl' : 'lang.en')}
          </button>
        </form>
      ))}
    </div>
  );
}
