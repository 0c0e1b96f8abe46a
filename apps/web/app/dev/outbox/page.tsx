import { pageTitle } from '@/lib/i18n/metadata';
import { notFound } from 'next/navigation';
import { serverEnv } from '@/lib/server-env';
import { currentLocale } from '@/lib/session';
import { formatDateTime, makeT } from '@/lib/i18n';
import { normaliseOutbox, type OutboxRow } from '@/features/dev/outbox';

export const generateMetadata = pageTitle('outbox.title');
export const dynamic = 'force-dynamic';

async function loadOutbox(): Promise<OutboxRow[] | null> {
  try {
    const res = await fetch(`${serverEnv.apiUrl}/dev/outbox`, { cache: 'no-store' });
    if (!res.ok) return null;
    return normaliseOutbox(await res.json());
  } catch {
    return null;
  }
}

/** Demo only: the e-mails and SMS the API would have sent. Never in production. */
export default async function DevOutboxPage() {
  if (serverEnv.production) notFound();
  const locale = await currentLocale();
  const t = makeT(locale);
  const rows = await loadOutbox();
  return (
    <main id="main" style={{ margin: '0 auto' }}>
      <h1>{t('outbox.title')}</h1>
      <p className="muted">{t('outbox.intro')}</p>
      <p>
        <a className="button secondary" href="/dev/outbox">
          {t('outbox.refresh')}
        </a>
      </p>
      {rows === null ? <div className="notice error" role="alert"><p>{t('outbox.unavailable')}</p></div> : null}
      {rows?.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      <ul className="list">
        {rows?.map((r) => (
          <li key={r.id} className="card outbox-item" data-channel={r.channel} data-kind={r.kind}>
            <h2>
              {r.channel === 'sms' ? 'SMS' : 'E-mail'} → {r.to}
            </h2>
            <p className="muted">
              {r.kind}
              {r.createdAt ? ` · ${formatDateTime(locale, r.createdAt)}` : ''}
            </p>
            {r.subject ? <p><strong>{r.subject}</strong></p> : null}
            <pre>{r.text}</pre>
          </li>
        ))}
      </ul>
    </main>
  );
}
