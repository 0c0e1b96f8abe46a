'use client';

import { useId, useState, type SyntheticEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorNotice } from '@/features/ui/error-notice';
import {
  CALENDAR_MEMBERS,
  CREATE_APPOINTMENT,
  UPDATE_APPOINTMENT,
  type AppointmentInputView,
  type Frequency,
  type OccurrenceView,
  type Scope,
} from './operations';
import { localParts, zonedToUtc } from './zoned';
import { useCalendarT } from './texts';

const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240, 480];
type EndKind = 'none' | 'until' | 'count';

export interface FormProps {
  accountId: string;
  zone: string;
  viewerId: string;
  /** The day to start with for a new appointment. */
  defaultDate: string;
  /** Changing: the occurrence opened, and which part of the series. */
  editing?: { occurrence: OccurrenceView; scope: Scope };
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function AppointmentForm({ accountId, zone, viewerId, defaultDate, editing, onDone, onCancel }: FormProps) {
  const { ct } = useCalendarT();
  const id = useId();
  const a = editing?.occurrence.appointment;
  const startIso = editing ? (editing.scope === 'ALL_OCCURRENCES' ? editing.occurrence.appointment.start : editing.occurrence.start) : null;
  const startParts = startIso ? localParts(startIso, zone) : { date: defaultDate, time: '10:00' };
  const [title, setTitle] = useState(a?.title ?? '');
  const [date, setDate] = useState(startParts.date);
  const [time, setTime] = useState(startParts.time);
  const [duration, setDuration] = useState(a?.durationMinutes ?? 60);
  const [location, setLocation] = useState(a?.location ?? '');
  const [description, setDescription] = useState(a?.description ?? '');
  const showRecurrence = !editing || editing.scope !== 'THIS_OCCURRENCE';
  const [repeat, setRepeat] = useState(Boolean(a?.recurrence));
  const [frequency, setFrequency] = useState<Frequency>(a?.recurrence?.frequency ?? 'WEEKLY');
  const [interval, setInterval] = useState(a?.recurrence?.interval ?? 1);
  const [endKind, setEndKind] = useState<EndKind>(a?.recurrence?.untilDate ? 'until' : a?.recurrence?.count ? 'count' : 'none');
  const [untilDate, setUntilDate] = useState(a?.recurrence?.untilDate ?? '');
  const [count, setCount] = useState(a?.recurrence?.count ?? 10);
  const [helperIds, setHelperIds] = useState<string[]>(a?.helpers.map((h) => h.id) ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const members = useQuery(CALENDAR_MEMBERS, { variables: { accountId } });
  const [create, created] = useMutation(CREATE_APPOINTMENT);
  const [update, updated] = useMutation(UPDATE_APPOINTMENT);
  const busy = created.loading || updated.loading;
  const others = (members.data?.account?.members ?? []).filter((p) => p.id !== viewerId);

  async function submit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    setProblem(null);
    if (!title.trim()) return setProblem(ct('titleRequired'));
    if (!date || !time) return setProblem(ct('dateRequired'));
    const input: AppointmentInputView = {
      title: title.trim(),
      start: zonedToUtc(date, time, zone).toISOString(),
      durationMinutes: duration,
      location: location.trim() || null,
      description: description.trim() || null,
      recurrence:
        showRecurrence && repeat
          ? {
              frequency,
              interval,
              untilDate: endKind === 'until' ? untilDate || null : null,
              count: endKind === 'count' ? count : null,
            }
          : null,
      helperIds,
    };
    try {
      if (editing) {
        await update({
          variables: {
            id: editing.occurrence.appointment.id,
            input,
            scope: editing.scope,
            occurrenceStart: editing.scope === 'ALL_OCCURRENCES' ? null : editing.occurrence.originalStart,
          },
        });
      } else {
        await create({ variables: { accountId, input } });
      }
      onDone(ct('saved'));
    } catch {
      // The error is shown below from the mutation state; nothing the user typed is lost.
    }
  }

  return (
    <form className="card appointment-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`} noValidate>
      <h2 id={`${id}-h`}>{editing ? ct('formEdit') : ct('formNew')}</h2>
      {problem ? (
        <div className="notice error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <ErrorNotice error={created.error ?? updated.error} />
      <div className="field">
        <label htmlFor={`${id}-title`}>{ct('what')}</label>
        <input id={`${id}-title`} type="text" value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>{ct('date')}</label>
          <input id={`${id}-date`} type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{ct('time')}</label>
          <input id={`${id}-time`} type="time" value={time} required onChange={(e) => setTime(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-duration`}>{ct('duration')}</label>
          <select id={`${id}-duration`} value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
            {[...new Set([...DURATIONS, duration])].sort((x, y) => x - y).map((m) => (
              <option key={m} value={m}>
                {m < 60 || m % 60 ? ct('minutes', { n: m }) : ct('hours', { n: m / 60 })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-location`}>{ct('location')}</label>
        <input id={`${id}-location`} type="text" value={location} maxLength={200} onChange={(e) => setLocation(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{ct('remarks')}</label>
        <textarea id={`${id}-description`} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
      </div>
      {showRecurrence ? (
        <fieldset className="fieldset">
          <legend>
            <label className="inline">
              <input type="checkbox" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} /> {ct('repeat')}
            </label>
          </legend>
          {repeat ? (
            <>
              <div className="field-row">
                <div className="field">
                  <label htmlFor={`${id}-interval`}>{ct('every')}</label>
                  <input
                    id={`${id}-interval`}
                    type="number"
                    min={1}
                    max={99}
                    value={interval}
                    onChange={(e) => setInterval(Math.max(1, Number(e.target.value) || 1))}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-freq`}>{ct('period')}</label>
                  <select id={`${id}-freq`} value={frequency} onChange={(e) => setFrequency(e.target.value as Frequency)}>
                    {(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const).map((f) => (
                      <option key={f} value={f}>
                        {ct(f)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <fieldset className="fieldset plain">
                <legend>{ct('ends')}</legend>
                {(['none', 'until', 'count'] as const).map((k) => (
                  <label key={k} className="inline">
                    <input type="radio" name={`${id}-end`} checked={endKind === k} onChange={() => setEndKind(k)} />{' '}
                    {ct(k === 'none' ? 'endNone' : k === 'until' ? 'endUntil' : 'endCount')}
                  </label>
                ))}
                {endKind === 'until' ? (
                  <div className="field">
                    <label htmlFor={`${id}-until`}>{ct('untilDate')}</label>
                    <input id={`${id}-until`} type="date" value={untilDate} min={date} onChange={(e) => setUntilDate(e.target.value)} />
                  </div>
                ) : null}
                {endKind === 'count' ? (
                  <div className="field">
                    <label htmlFor={`${id}-count`}>{ct('count')}</label>
                    <input
                      id={`${id}-count`}
                      type="number"
                      min={1}
                      max={1000}
                      value={count}
                      onChange={(e) => setCount(Math.max(1, Number(e.target.value) || 1))}
                    />
                  </div>
                ) : null}
              </fieldset>
            </>
          ) : null}
        </fieldset>
      ) : null}
      <HelperChoice ids={helperIds} onChange={setHelperIds} people={others} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? ct('saving') : ct('save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {ct('cancel')}
        </button>
      </div>
    </form>
  );
}

export function HelperChoice({
  ids,
  onChange,
  people,
}: {
  ids: string[];
  onChange: (ids: string[]) => void;
  people: { id: string; name: string }[];
}) {
  const { ct } = useCalendarT();
  return (
    <fieldset className="fieldset">
      <legend>{ct('helpers')}</legend>
      {people.length === 0 ? <p className="muted">{ct('noMembers')}</p> : <p className="muted">{ct('helpersHint')}</p>}
      {people.map((p) => (
        <label key={p.id} className="inline">
          <input
            type="checkbox"
            checked={ids.includes(p.id)}
            onChange={(e) => onChange(e.target.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id))}
          />{' '}
          {p.name}
        </label>
      ))}
    </fieldset>
  );
}
