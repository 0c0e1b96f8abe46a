import Link from 'next/link';
import { makeT } from '@/lib/i18n';
import { currentLocale } from '@/lib/session';

export default async function NotFound() {
  const t = makeT(await currentLocale());
  return (
    <main id="main" className="auth-page">
      <div className="auth-card card">
        <h1>{t('error.NOT_FOUND')}</h1>
        <p>
          <Link href="/kalender">{t('menu.calendar')}</Link>
        </p>
      </div>
    </main>
  );
}
