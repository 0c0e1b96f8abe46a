'use client';

import { useId, useState, type SubmitEvent } from 'react';
import { skipToken, useApolloClient, useQuery } from '@apollo/client/react';
import { formatDateTime, type MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { nlCircle } from '@/lib/i18n/nl.circle';
import { useOpenAccount } from '@/features/shell/account-context';
import { ErrorNotice } from '@/features/ui/error-notice';
import { ProtectedGate } from '@/features/connections/protected-gate';
import { ACCESS_LOG, type AccessLogEntryView } from './operations';

/** The API's action word in plain language; an unknown one is shown as it is, never hidden. */
export function accessActionText(t: (key: MessageKey, vars?: Record<string, string>) => string, action: string): string {
  const key = `access.${action}`;
  return key in nlCircle ? t(key as MessageKey) : t('access.other', { action: action.toLowerCase().replace(/_/g, ' ') });
}

/** Access levels inside a detail ("Fatima: BASIC → NONE") in the reader's words. */
export function levelWords(t: (key: MessageKey) => string, detail: string): string {
  return detail.replace(/\b(MANAGER|TRUST|BASIC|NONE)\b/g, (level) => t(`level.${level as 'MANAGER' | 'TRUST' | 'BASIC' | 'NONE'}`));
}

/** Midnight at the start of a YYYY-MM-DD day in the given zone, as an ISO instant. */
export function startOfDay(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment (Intl gives the wall-clock time there); two passes settle DST days.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    t = guess - (wall - t);
  }
  return new Date(t).toISOString();
}

export function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

interface Period {
  from: string;
  to: string;
}

/** /toegang: "wie heeft wat bekeken", the account's access log (NEN 7513), for the manager after the step-up. */
export function AccessLogView() {
  const { t, locale } = useI18n();
  const id = useId();
  const client = useApolloClient();
  const { account } = useOpenAccount();
  const allowed = account.myRights.includes('MANAGE_ACCOUNT');
  const [draft, setDraft] = useState<Period>({ from: '', to: '' });
  const [period, setPeriod] = useState<Period>({ from: '', to: '' });
  const [badPeriod, setBadPeriod] = useState(false);
  const variables = {
    accountId: account.id,
    from: period.from ? startOfDay(period.from, account.timeZone) : null,
    to: period.to ? startOfDay(nextDay(period.to), account.timeZone) : null,
  };
  const query = useQuery(ACCESS_LOG, allowed ? { variables, fetchPolicy: 'network-only' } : skipToken);
  const [more, setMore] = useState<{ key: string; nodes: AccessLogEntryView[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const periodKey = `${variables.from}|${variables.to}`;
  // While another period loads, the previous list stays (with a loading note) instead of the whole page blinking.
  const page = (query.data ?? query.previousData)?.account?.accessLog;
  const extra = more?.key === periodKey ? more : null;
  const nodes = [...(page?.nodes ?? []), ...(extra?.nodes ?? [])];
  const next = extra ? extra.cursor : page?.nextCursor;

  function apply(e: SubmitEvent) {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setBadPeriod(true);
      return;
    }
    setBadPeriod(false);
    setMore(null);
    setPeriod(draft);
  }

  async function loadMore() {
    if (!next) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const r = await client.query({ query: ACCESS_LOG, variables: { ...variables, after: next }, fetchPolicy: 'network-only' });
      const log = r.data?.account?.accessLog;
      if (log) setMore({ key: periodKey, nodes: [...(extra?.nodes ?? []), ...log.nodes], cursor: log.nextCursor });
    } catch (error) {
      setMoreError(error);
    }
    setLoadingMore(false);
  }

  return (
    <>
      <h1>{t('access.title')}</h1>
      <ProtectedGate allowed={allowed} loading={query.loading} error={query.error} ready={Boolean(page)} onVerified={() => void query.refetch()}>
        <p className="muted">{t('access.intro', { name: account.displayName })}</p>
        <form className="card filter" onSubmit={apply} noValidate aria-labelledby={`${id}-legend`}>
          <h2 id={`${id}-legend`} className="small-heading">
            {t('access.filter')}
          </h2>
          {badPeriod ? (
            <div className="notice error" role="alert">
              <p>{t('access.badPeriod')}</p>
            </div>
          ) : null}
          <div className="filter-row">
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('access.from')}</label>
              <input id={`${id}-from`} type="date" className="date-input" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('access.to')}</label>
              <input id={`${id}-to`} type="date" className="date-input" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
            </div>
            <div className="button-row filter-buttons">
              <button type="submit" className="button">
                {t('access.apply')}
              </button>
              {period.from || period.to ? (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => {
                    setDraft({ from: '', to: '' });
                    setPeriod({ from: '', to: '' });
                    setMore(null);
                  }}
                >
                  {t('access.clear')}
                </button>
              ) : null}
            </div>
          </div>
        </form>
        {query.loading ? <p role="status">{t('app.loading')}</p> : null}
        {!query.loading && nodes.length === 0 ? <p className="muted">{t('access.empty')}</p> : null}
        {nodes.length > 0 ? (
          <table className="log-table">
            <caption className="visually-hidden">{t('access.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('access.when')}</th>
                <th scope="col">{t('access.who')}</th>
                <th scope="col">{t('access.what')}</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('access.when')}>
                    <time dateTime={e.at}>{formatDateTime(locale, e.at, account.timeZone)}</time>
                  </td>
                  <td data-label={t('access.who')}>{e.actorName}</td>
                  <td data-label={t('access.what')}>
                    <div>
                      {accessActionText(t, e.action)}
                      {e.detail ? <span className="muted small detail plain-text">{levelWords(t, e.detail)}</span> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <ErrorNotice error={moreError} />
        {next ? (
          <button type="button" className="button secondary" disabled={loadingMore} onClick={() => void loadMore()}>
            {t('common.more')}
          </button>
        ) : null}
      </ProtectedGate>
    </>
  );
}
