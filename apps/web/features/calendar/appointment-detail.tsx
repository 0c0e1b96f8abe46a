'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { ErrorNotice } from '@/features/ui/error-notice';
import { CALENDAR_MEMBERS, DELETE_APPOINTMENT, SET_HELPERS, type OccurrenceView, type Scope } from './operations';
import { HelperChoice } from './appointment-form';
import { useCalendarT, type CalendarT } from './texts';

function formatWhen(locale: string, o: OccurrenceView, zone: string): string {
  const lang = locale === 'en' ? 'en-GB' : 'nl-NL';
  const day = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(new Date(o.start));
  const hm = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  return `${day}, ${hm.format(new Date(o.start))}–${hm.format(new Date(o.end))}`;
}

export function describeRule(ct: CalendarT, r: NonNullable<OccurrenceView['appointment']['recurrence']>): string {
  const unit = ct(`unit${r.frequency}`);
  const base = r.interval === 1 ? ct('ruleOne', { unit }) : ct('rule', { n: r.interval, unit });
  if (r.untilDate) return `${base}, ${ct('untilText', { date: r.untilDate })}`;
  if (r.count) return `${base}, ${ct('countText', { n: r.count })}`;
  return base;
}

/** Asks which part of a series a change or deletion is for. */
export function ScopeChoice({ question, onChoose, onCancel }: { question: string; onChoose: (s: Scope) => void; onCancel: () => void }) {
  const { ct } = useCalendarT();
  return (
    <div role="group" aria-label={question} className="scope-choice">
      <p>{question}</p>
      <div className="button-row">
        {(['THIS_OCCURRENCE', 'THIS_AND_FOLLOWING', 'ALL_OCCURRENCES'] as const).map((s) => (
          <button key={s} type="button" className="button secondary" onClick={() => onChoose(s)}>
            {ct(s)}
          </button>
        ))}
        <button type="button" className="button link" onClick={onCancel}>
          {ct('cancel')}
        </button>
      </div>
    </div>
  );
}

export function AppointmentDetail({
  occurrence,
  zone,
  viewerId,
  canEditCalendar,
  onClose,
  onEdit,
  onChanged,
}: {
  occurrence: OccurrenceView;
  zone: string;
  viewerId: string;
  canEditCalendar: boolean;
  onClose: () => void;
  onEdit: (scope: Scope) => void;
  onChanged: (message: string) => void;
}) {
  const { ct, locale } = useCalendarT();
  const id = useId();
  const a = occurrence.appointment;
  const heading = useRef<HTMLHeadingElement>(null);
  const [asking, setAsking] = useState<'edit' | 'delete' | 'confirm-delete' | null>(null);
  const [deleteScope, setDeleteScope] = useState<Scope>('ALL_OCCURRENCES');
  const [choosingHelpers, setChoosingHelpers] = useState(false);
  const [helperIds, setHelperIds] = useState(a.helpers.map((h) => h.id));
  const [remove, removed] = useMutation(DELETE_APPOINTMENT);
  const [setHelpers, helpersSet] = useMutation(SET_HELPERS);
  const members = useQuery(CALENDAR_MEMBERS, choosingHelpers ? { variables: { accountId: occurrence.account.id } } : skipToken);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  async function doDelete(scope: Scope) {
    try {
      await remove({ variables: { id: a.id, scope, occurrenceStart: scope === 'ALL_OCCURRENCES' ? null : occurrence.originalStart } });
      onChanged(ct('deleted'));
    } catch {
      setAsking(null);
    }
  }

  async function saveHelpers() {
    try {
      await setHelpers({ variables: { id: a.id, helperIds } });
      setChoosingHelpers(false);
      onChanged(ct('saved'));
    } catch {
      // shown below
    }
  }

  const editable = a.canEdit && a.source === 'PRIVATE' && !a.cancelled;
  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <section role="dialog" aria-modal="true" aria-labelledby={`${id}-h`} className="dialog card">
        <p className="muted small">{ct('details')}</p>
        <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
          {a.title}
          {a.cancelled ? <span className="badge danger"> {ct('cancelled')}</span> : null}
        </h2>
        <span className={`badge ${a.source === 'PROVIDER' ? 'provider' : 'private'}`}>
          {a.source === 'PROVIDER' ? ct('providerBadge') : ct('privateBadge')}
        </span>
        <dl className="details">
          <dt>{ct('for')}</dt>
          <dd>{occurrence.account.displayName}</dd>
          <dt>{ct('when')}</dt>
          <dd>{formatWhen(locale, occurrence, zone)}</dd>
          {a.recurrence ? (
            <>
              <dt>{ct('recurring')}</dt>
              <dd>{describeRule(ct, a.recurrence)}</dd>
            </>
          ) : null}
          {a.location ? (
            <>
              <dt>{ct('where')}</dt>
              <dd className="plain-text">{a.location}</dd>
            </>
          ) : null}
          {a.practitionerName ? (
            <>
              <dt>{ct('practitioner')}</dt>
              <dd>{a.practitionerName}</dd>
            </>
          ) : null}
          {a.provider ? (
            <>
              <dt>{ct('provider')}</dt>
              <dd>{a.provider.name}</dd>
            </>
          ) : null}
          <dt>{ct('helpersList')}</dt>
          <dd>{a.helpers.length ? a.helpers.map((h) => h.name).join(', ') : ct('nobody')}</dd>
        </dl>
        {a.description ? <p className="plain-text">{a.description}</p> : null}
        {a.videoUrl && /^https:\/\//.test(a.videoUrl) && !a.cancelled ? (
          <p>
            <a href={a.videoUrl} target="_blank" rel="noopener noreferrer">
              {ct('video')}
            </a>
          </p>
        ) : null}
        {a.source === 'PROVIDER' ? <p className="notice">{ct('providerNote')}</p> : null}
        <ErrorNotice error={removed.error ?? helpersSet.error} />
        {choosingHelpers ? (
          <div>
            <HelperChoice ids={helperIds} onChange={setHelperIds} people={(members.data?.account?.members ?? []).filter((p) => p.id !== viewerId)} />
            <div className="button-row">
              <button type="button" className="button" onClick={() => void saveHelpers()} disabled={helpersSet.loading}>
                {ct('save')}
              </button>
              <button type="button" className="button secondary" onClick={() => setChoosingHelpers(false)}>
                {ct('cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {asking === 'edit' ? (
          <ScopeChoice question={ct('scopeQuestion')} onChoose={onEdit} onCancel={() => setAsking(null)} />
        ) : asking === 'delete' ? (
          <ScopeChoice
            question={ct('scopeDeleteQuestion')}
            onChoose={(s) => {
              setDeleteScope(s);
              setAsking('confirm-delete');
            }}
            onCancel={() => setAsking(null)}
          />
        ) : asking === 'confirm-delete' ? (
          <div role="group" aria-label={ct('removeQuestion')} className="button-row">
            <span>{ct('removeQuestion')}</span>
            <button type="button" className="button danger" onClick={() => void doDelete(deleteScope)} disabled={removed.loading}>
              {ct('remove')}
            </button>
            <button type="button" className="button secondary" onClick={() => setAsking(null)}>
              {ct('cancel')}
            </button>
          </div>
        ) : (
          <div className="button-row">
            {editable ? (
              <>
                <button type="button" className="button" onClick={() => (a.recurrence ? setAsking('edit') : onEdit('ALL_OCCURRENCES'))}>
                  {ct('edit')}
                </button>
                <button type="button" className="button secondary" onClick={() => setAsking(a.recurrence ? 'delete' : 'confirm-delete')}>
                  {ct('remove')}
                </button>
              </>
            ) : null}
            {canEditCalendar && !a.cancelled && !choosingHelpers ? (
              <button type="button" className="button secondary" onClick={() => setChoosingHelpers(true)}>
                {ct('changeHelpers')}
              </button>
            ) : null}
            <button type="button" className="button link" onClick={onClose}>
              {ct('close')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
