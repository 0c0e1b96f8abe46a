import { buildIcs, toRRule, type IcsEvent } from '@kring/domain';
import { ruleOf } from './calendar.query';
import type { AppointmentEntity } from './appointment.entity';

/*
 * What leaves Kring (e-mails, attachments, the feed) carries no health content:
 * a provider appointment is "Afspraak zorgaanbieder" with its time, never its
 * title, location, practitioner or link (DESIGN.md, "What leaves Kring").
 */

export const PROVIDER_APPOINTMENT_NL = 'Afspraak zorgaanbieder';
export const PROVIDER_APPOINTMENT_EN = 'Care provider appointment';

export function outsideTitle(a: Pick<AppointmentEntity, 'source' | 'title'>, locale = 'nl'): string {
  if (a.source === 'PROVIDER') return locale === 'en' ? PROVIDER_APPOINTMENT_EN : PROVIDER_APPOINTMENT_NL;
  return a.title;
}

export interface IcsOptions {
  stamp: Date;
  /** Whose appointment, e.g. "Sanne de Vries", added to the summary for someone else's calendar. */
  whose?: string | null;
  locale?: string;
}

/** The VEVENT of one stored row: a series (with RRULE and EXDATE) or a changed occurrence (RECURRENCE-ID). */
export function toIcsEvent(row: AppointmentEntity, exdates: readonly Date[], opts: IcsOptions): IcsEvent {
  const provider = row.source === 'PROVIDER';
  const title = outsideTitle(row, opts.locale);
  const rule = row.parentAppointmentId ? null : ruleOf(row);
  return {
    uid: `${row.parentAppointmentId ?? row.id}@kring`,
    start: row.startUtc,
    durationMinutes: row.durationMinutes,
    zone: row.zone,
    summary: opts.whose ? `${title} (${opts.whose})` : title,
    location: provider ? null : row.location,
    description: provider ? null : row.description,
    rrule: rule ? toRRule(rule, row.zone) : null,
    exdates: rule ? exdates : [],
    recurrenceId: row.parentAppointmentId ? row.originalStartUtc : null,
    cancelled: row.cancelledAt !== null,
    sequence: row.sequence,
    stamp: opts.stamp,
  };
}

/** A calendar with one appointment (its series, exceptions and changed occurrences), for an e-mail attachment. */
export function appointmentIcs(
  root: AppointmentEntity,
  overrides: readonly AppointmentEntity[],
  exdates: readonly Date[],
  opts: IcsOptions & { cancelled?: boolean },
): string {
  const main = toIcsEvent(root, exdates, opts);
  if (opts.cancelled) main.cancelled = true;
  return buildIcs({
    method: 'PUBLISH',
    events: [main, ...(opts.cancelled ? [] : overrides.map((o) => toIcsEvent(o, [], opts)))],
  });
}
