'use client';

import { lazy, Suspense, useMemo, useState } from 'react';
import { skipToken, useApolloClient, useQuery } from '@apollo/client/react';
import { useOpenAccount } from '@/features/shell/account-context';
import { ErrorNotice } from '@/features/ui/error-notice';
import { ACCOUNT_CALENDAR, VIEWER_AGENDA, type CalendarInitial, type OccurrenceView, type Scope } from './operations';
import { localParts, openingView, shiftAnchor, visibleDays, windowOf, type CalendarMode } from './zoned';
import { useCalendarT } from './texts';
import { OccurrenceItem } from './occurrence-item';
import { FeedPanel } from './feed-panel';
import './calendar.css';

// The form and the appointment dialog are chunks of their own: they are not needed for the first
// paint, and are fetched when the add button or an appointment is pointed at, focused or pressed.
const loadForm = () => import('./appointment-form');
const loadDetail = () => import('./appointment-detail');
const AppointmentForm = lazy(() => loadForm().then((m) => ({ default: m.AppointmentForm })));
const AppointmentDetail = lazy(() => loadDetail().then((m) => ({ default: m.AppointmentDetail })));
function preloadForm() {
  void loadForm();
}
function preloadDetail() {
  void loadDetail();
}

type Editing = { kind: 'new' } | { kind: 'edit'; occurrence: OccurrenceView; scope: Scope };

function groupByDay(occurrences: OccurrenceView[], zone: string): Map<string, OccurrenceView[]> {
  const map = new Map<string, OccurrenceView[]>();
  for (const o of [...occurrences].sort((x, y) => x.start.localeCompare(y.start))) {
    const day = localParts(o.start, zone).date;
    map.set(day, [...(map.get(day) ?? []), o]);
  }
  return map;
}

export function CalendarView({
  today: todayProp,
  initialDate,
  initialMode,
  initial = null,
}: {
  today?: string;
  initialDate?: string;
  initialMode?: CalendarMode;
  /** The first window as the server fetched it while rendering the page (null: ask from the browser). */
  initial?: CalendarInitial | null;
}) {
  const { ct, locale } = useCalendarT();
  const { account, viewerId, accounts } = useOpenAccount();
  const zone = account.timeZone;
  const today = todayProp ?? localParts(new Date(), zone).date;
  const opening = openingView({ initialDate, initialMode, today });
  const [mode, setMode] = useState<CalendarMode>(opening.mode);
  const [anchor, setAnchor] = useState(opening.anchor);
  const [selectedDay, setSelectedDay] = useState(opening.anchor);
  const [everyone, setEveryone] = useState(false);
  const [open, setOpen] = useState<OccurrenceView | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const canView = account.myRights.includes('VIEW_CALENDAR');
  const canEdit = account.myRights.includes('EDIT_CALENDAR');
  const days = useMemo(() => visibleDays(mode, anchor), [mode, anchor]);
  const window = useMemo(() => windowOf(days, zone), [days, zone]);
  const client = useApolloClient();
  // Once, before the first query: the server's answer goes into the cache under exactly the variables
  // that query asks, so it is answered from there (no request) and everything after (other months,
  // refetch after an edit, cache updates by mutations) works as if the browser had fetched it.
  // Only when the server asked what this first render asks (same account, mode and window), and the
  // cache has nothing for it yet: coming back to the page (an older page from the router's cache on
  // "back") keeps what this session already has, as before.
  useState(() => {
    const v = initial?.variables;
    if (!initial || !v || !canView || initial.mode !== mode || v.accountId !== account.id || v.from !== window.from || v.to !== window.to) return;
    if (client.cache.readQuery({ query: ACCOUNT_CALENDAR, variables: v })) return;
    client.cache.writeQuery({ query: ACCOUNT_CALENDAR, variables: v, data: initial.data, broadcast: false });
  });
  const own = useQuery(ACCOUNT_CALENDAR, !everyone && canView ? { variables: { accountId: account.id, ...window } } : skipToken);
  const agenda = useQuery(VIEWER_AGENDA, everyone ? { variables: window } : skipToken);
  // From the shell's accounts (loaded with the page), not a query of its own after load.
  const helpsOthers = (accounts ?? []).filter((a) => a.myRights.includes('VIEW_CALENDAR')).length > 1;
  const current = everyone ? agenda : own;
  const occurrences = everyone ? agenda.data?.viewer?.agenda : own.data?.account?.calendar;
  const byDay = useMemo(() => groupByDay(occurrences ?? [], zone), [occurrences, zone]);
  const lang = locale === 'en' ? 'en-GB' : 'nl-NL';
  // One formatter per kind and language: making an Intl.DateTimeFormat costs about 50 µs, and the
  // month grid asked for some 60 of them on every render.
  const fmt = useMemo(() => {
    const make = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, { ...o, timeZone: 'UTC' });
    return {
      month: make({ month: 'long', year: 'numeric' }),
      short: make({ weekday: 'short', day: 'numeric', month: 'short' }),
      long: make({ weekday: 'long', day: 'numeric', month: 'long' }),
      weekdayShort: make({ weekday: 'short' }),
      weekdayLong: make({ weekday: 'long' }),
    };
  }, [lang]);
  const noon = (d: string) => new Date(`${d}T12:00:00Z`);
  const monthTitle = fmt.month.format(noon(mode === 'week' ? days[0] : anchor));
  const dayName = (d: string, style: 'short' | 'long') => fmt[style].format(noon(d));

  function refetch(message: string) {
    setOpen(null);
    setEditing(null);
    setStatus(message);
    void current.refetch();
  }

  if (!canView) {
    return (
      <>
        <h1>{ct('title')}</h1>
        <p className="notice">{ct('noRight', { name: account.displayName })}</p>
      </>
    );
  }

  const item = (o: OccurrenceView, compact = false) => (
    <li key={`${o.appointment.id}-${o.originalStart}`} onPointerEnter={preloadDetail} onFocus={preloadDetail}>
      <OccurrenceItem occurrence={o} zone={zone} showAccount={everyone} compact={compact} onOpen={setOpen} />
    </li>
  );

  return (
    <>
      <div className="calendar-head">
        <h1>{ct('title')}</h1>
        {canEdit && !editing ? (
          <button type="button" className="button" onPointerEnter={preloadForm} onFocus={preloadForm} onClick={() => setEditing({ kind: 'new' })}>
            {ct('add')}
          </button>
        ) : null}
      </div>
      <p role="status" className="status-line">
        {status}
      </p>
      {editing ? (
        <Suspense fallback={null}>
          <AppointmentForm
            accountId={account.id}
            zone={zone}
            viewerId={viewerId}
            defaultDate={selectedDay}
            editing={editing.kind === 'edit' ? { occurrence: editing.occurrence, scope: editing.scope } : undefined}
            onDone={refetch}
            onCancel={() => setEditing(null)}
          />
        </Suspense>
      ) : null}
      <div className="calendar-toolbar">
        <div className="button-row" role="group" aria-label={ct('views')}>
          {(['month', 'week', 'list'] as const).map((m) => (
            <button key={m} type="button" className="button secondary" aria-pressed={mode === m} onClick={() => setMode(m)}>
              {ct(m)}
            </button>
          ))}
        </div>
        <div className="button-row">
          <button type="button" className="button secondary" onClick={() => setAnchor(shiftAnchor(mode, anchor, -1))} aria-label={ct('previous')}>
            ‹
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setAnchor(today);
              setSelectedDay(today);
            }}
          >
            {ct('today')}
          </button>
          <button type="button" className="button secondary" onClick={() => setAnchor(shiftAnchor(mode, anchor, 1))} aria-label={ct('next')}>
            ›
          </button>
        </div>
      </div>
      <h2 className="calendar-period" aria-live="polite">
        {monthTitle}
      </h2>
      {helpsOthers ? (
        <label className="inline everyone-toggle">
          <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> {ct('everyone')}
        </label>
      ) : null}
      <ErrorNotice error={current.error} />
      {mode === 'month' ? (
        <>
          <table className="month-grid">
            <thead>
              <tr>
                {days.slice(0, 7).map((d) => (
                  <th key={d} scope="col">
                    <abbr title={fmt.weekdayLong.format(noon(d))}>{fmt.weekdayShort.format(noon(d))}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: days.length / 7 }, (_, w) => (
                <tr key={days[w * 7]}>
                  {days.slice(w * 7, w * 7 + 7).map((d) => {
                    const list = byDay.get(d) ?? [];
                    const outside = d.slice(0, 7) !== anchor.slice(0, 7);
                    return (
                      <td key={d} className={`${outside ? 'outside' : ''}${d === today ? ' today' : ''}${d === selectedDay ? ' selected' : ''}`}>
                        <button
                          type="button"
                          className="day-number"
                          aria-current={d === today ? 'date' : undefined}
                          aria-pressed={d === selectedDay}
                          aria-label={ct('dayLabel', { date: dayName(d, 'long'), count: list.length })}
                          onClick={() => setSelectedDay(d)}
                        >
                          {Number(d.slice(8))}
                        </button>
                        {list.length ? <span className="day-dots" aria-hidden="true">{'•'.repeat(Math.min(list.length, 3))}</span> : null}
                        <ul className="list day-items">{list.slice(0, 3).map((o) => item(o, true))}</ul>
                        {list.length > 3 ? <span className="more muted">{ct('moreOn', { count: list.length - 3 })}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <section className="day-list" aria-label={dayName(selectedDay, 'long')}>
            <h3>{dayName(selectedDay, 'long')}</h3>
            {(byDay.get(selectedDay) ?? []).length ? (
              <ul className="list">{(byDay.get(selectedDay) ?? []).map((o) => item(o))}</ul>
            ) : (
              <p className="muted">{ct('nothing')}</p>
            )}
          </section>
        </>
      ) : mode === 'week' ? (
        <ol className="week-grid list">
          {days.map((d) => (
            <li key={d} className={d === today ? 'today' : undefined} aria-current={d === today ? 'date' : undefined}>
              <h3>{dayName(d, 'short')}</h3>
              <ul className="list">{(byDay.get(d) ?? []).map((o) => item(o))}</ul>
            </li>
          ))}
        </ol>
      ) : (
        <div className="agenda-list">
          {days.filter((d) => byDay.has(d)).length === 0 && !current.loading ? <p className="muted">{ct('nothing')}</p> : null}
          {days
            .filter((d) => byDay.has(d))
            .map((d) => (
              <section key={d} aria-current={d === today ? 'date' : undefined} className={d === today ? 'today' : undefined}>
                <h3>
                  {dayName(d, 'long')}
                  {d === today ? <span className="badge"> {ct('today')}</span> : null}
                </h3>
                <ul className="list">{(byDay.get(d) ?? []).map((o) => item(o))}</ul>
              </section>
            ))}
        </div>
      )}
      <FeedPanel />
      {open ? (
        <Suspense fallback={null}>
          <AppointmentDetail
            occurrence={open}
            zone={open.account.timeZone || zone}
            viewerId={viewerId}
            canEditCalendar={open.account.id === account.id ? canEdit : false}
            onClose={() => setOpen(null)}
            onEdit={(scope) => {
              setEditing({ kind: 'edit', occurrence: open, scope });
              setOpen(null);
            }}
            onChanged={refetch}
          />
        </Suspense>
      ) : null}
    </>
  );
}
