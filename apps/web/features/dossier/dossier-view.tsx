'use client';

import Link from 'next/link';
import { useState } from 'react';
import { skipToken, useQuery } from '@apollo/client/react';
import { formatDate, type MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { apiErrors } from '@/lib/errors';
import { useOpenAccount } from '@/features/shell/account-context';
import { StepUpPanel } from '@/features/step-up/step-up-panel';
import { NotForYou } from '@/features/ui/not-for-you';
import { ErrorNotice } from '@/features/ui/error-notice';
import { Tabs, TabPanel } from '@/features/ui/tabs';
import { DOSSIER, type DossierData, type DossierItemKind, type DossierItemView } from './operations';

const TABS: { key: DossierItemKind; label: MessageKey }[] = [
  { key: 'CARE_REPORT', label: 'dossier.tabReports' },
  { key: 'CARE_PLAN', label: 'dossier.tabPlans' },
  { key: 'QUESTIONNAIRE', label: 'dossier.tabQuestionnaires' },
];

export function DossierItem({ item, timeZone }: { item: DossierItemView; timeZone: string }) {
  const { t, locale } = useI18n();
  return (
    <article className="card">
      <h3>{item.title}</h3>
      <dl className="dossier-meta">
        <div>
          <dt>{t('dossier.provider')}:</dt>
          <dd>{item.provider.name}</dd>
        </div>
        {item.authorName ? (
          <div>
            <dt>{t('dossier.author')}:</dt>
            <dd>{item.authorName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('dossier.date')}:</dt>
          <dd>
            <time dateTime={item.authoredAt}>{formatDate(locale, item.authoredAt, timeZone)}</time>
          </dd>
        </div>
      </dl>
      {item.version > 1 ? (
        <p className="muted">{t('dossier.updated', { date: formatDate(locale, item.updatedAt, timeZone), version: item.version })}</p>
      ) : null}
      {/* Text from the provider's record, rendered as text: markup in it is shown, never run. */}
      {item.body ? <p className="plain-text">{item.body}</p> : null}
      {item.answers.length > 0 ? (
        <dl className="qa">
          {item.answers.map((a, i) => (
            <div key={i}>
              <dt className="plain-text">{a.question}</dt>
              <dd className="plain-text">{a.answer}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </article>
  );
}

function newestFirst(a: DossierItemView, b: DossierItemView): number {
  return b.authoredAt.localeCompare(a.authoredAt);
}

export function DossierItems({ items, timeZone }: { items: DossierItemView[]; timeZone: string }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<DossierItemKind>('CARE_REPORT');
  return (
    <>
      <Tabs id="dossier" label={t('dossier.title')} tabs={TABS.map((x) => ({ key: x.key, label: t(x.label) }))} selected={tab} onSelect={setTab} />
      {TABS.map((x) => {
        const list = items.filter((i) => i.kind === x.key).sort(newestFirst);
        return (
          <TabPanel key={x.key} id="dossier" tabKey={x.key} selected={tab === x.key}>
            <h2 className="visually-hidden">{t(x.label)}</h2>
            {list.length === 0 ? <p className="muted">{t('dossier.empty')}</p> : list.map((i) => <DossierItem key={i.id} item={i} timeZone={timeZone} />)}
          </TabPanel>
        );
      })}
    </>
  );
}

/** `initial`: the dossier as the server fetched it while rendering the page (null: ask from the browser). */
export function DossierView({ initial = null }: { initial?: DossierData | null }) {
  const { t } = useI18n();
  const { account } = useOpenAccount();
  const allowed = account.myRights.includes('VIEW_DOSSIER');
  const seeded = initial?.account?.id === account.id ? initial : null;
  // The right is checked first: a viewer without it is told "not for you" and never asked for a code.
  const query = useQuery(DOSSIER, allowed && !seeded ? { variables: { accountId: account.id }, fetchPolicy: 'network-only' } : skipToken);
  const data = query.data ?? seeded;

  let content;
  if (!allowed) content = <NotForYou />;
  else if (query.loading && !data) content = <p role="status">{t('app.loading')}</p>;
  else {
    const codes = apiErrors(query.error).map((e) => e.code);
    const dossier = data?.account?.dossier;
    if (dossier) content = <DossierItems items={dossier.items} timeZone={account.timeZone} />;
    else if (codes.includes('FORBIDDEN')) content = <NotForYou />;
    else if (codes.includes('PHONE_REQUIRED'))
      content = (
        <div className="notice warn" role="status">
          <h2>{t('dossier.phoneRequired')}</h2>
          <p>{t('dossier.phoneRequiredText')}</p>
          <p>
            <Link href="/profiel">{t('dossier.toProfile')}</Link>
          </p>
        </div>
      );
    else if (codes.includes('STEP_UP_REQUIRED')) content = <StepUpPanel onVerified={() => void query.refetch()} />;
    else content = <ErrorNotice error={query.error ?? new Error('empty')} />;
  }

  return (
    <>
      <div className="button-row" style={{ justifyContent: 'space-between' }}>
        <h1>{t('dossier.title')}</h1>
        {data?.account?.dossier ? (
          <button type="button" className="button secondary no-print" onClick={() => window.print()}>
            {t('dossier.print')}
          </button>
        ) : null}
      </div>
      {content}
    </>
  );
}
