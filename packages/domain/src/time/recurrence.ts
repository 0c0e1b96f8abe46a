import { RRule, type Frequency } from 'rrule';
import { ZoneSpan, daysInMonth, fromFloating, isValidZone, localParts, parseLocalDate, toFloating, addLocalDays, endOfLocalDay } from './zone';

/*
 * Recurring appointments (DESIGN.md flow 5, QUALITY.md Speed).
 *
 * A series is stored as its first start (UTC instant), a duration, the IANA zone
 * whose wall clock it follows, and an optional rule. Expansion happens for the
 * asked window only, in floating wall-clock time (rrule WITHOUT tzid: its UTC
 * fields are the zone's wall-clock fields), starting near the window rather than
 * at the first start, and each wall-clock occurrence is converted to an instant
 * with the zone's offsets. So weekly tennis at 10:00 stays at 10:00 across the
 * daylight-saving changes, and a series that began 20 years ago costs no more
 * than one that began last week.
 */

export const RECURRENCE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

export interface RecurrenceRule {
  frequency: RecurrenceFrequency;
  interval: number;
  /** Inclusive last day (YYYY-MM-DD) in the series' zone. */
  untilDate?: string | null;
  count?: number | null;
}

/** One occurrence changed on its own (RFC 5545 RECURRENCE-ID). */
export interface OccurrenceOverride {
  /** Where the series put it (the RECURRENCE-ID). */
  originalStart: Date;
  start: Date;
  durationMinutes: number;
  /** Opaque id of the stored override, handed back on the occurrence. */
  id?: string;
}

export interface Series {
  startUtc: Date;
  durationMinutes: number;
  zone: string;
  rule?: RecurrenceRule | null;
  /** Cancelled occurrences, by their original start (EXDATE). */
  exdates?: readonly Date[];
  overrides?: readonly OccurrenceOverride[];
}

export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface Occurrence {
  start: Date;
  end: Date;
  originalStart: Date;
  /** Set when this occurrence was changed on its own. */
  overrideId?: string;
}

export const MAX_WINDOW_DAYS = 400;
export const MAX_OCCURRENCES = 5000;
export const MIN_INTERVAL = 1;
export const MAX_INTERVAL = 99;
export const MAX_COUNT = 1000;
export const MAX_DURATION_MINUTES = 14 * 24 * 60;

/** A refused window or expansion; `reason` is a stable word for the API. */
export class RecurrenceError extends Error {
  constructor(
    readonly reason: 'WINDOW_TOO_LARGE' | 'WINDOW_INVALID' | 'TOO_MANY_OCCURRENCES',
    message: string,
  ) {
    super(message);
    this.name = 'RecurrenceError';
  }
}

export type RecurrenceProblem =
  | 'INTERVAL_OUT_OF_RANGE'
  | 'COUNT_OUT_OF_RANGE'
  | 'UNTIL_INVALID'
  | 'UNTIL_BEFORE_START'
  | 'UNTIL_AND_COUNT'
  | 'FREQUENCY_INVALID'
  | 'ZONE_INVALID';

/** Why a rule cannot be stored, or null when it can. */
export function validateRecurrence(rule: RecurrenceRule, startUtc: Date, zone: string): RecurrenceProblem | null {
  if (!isValidZone(zone)) return 'ZONE_INVALID';
  if (!RECURRENCE_FREQUENCIES.includes(rule.frequency)) return 'FREQUENCY_INVALID';
  if (!Number.isInteger(rule.interval) || rule.interval < MIN_INTERVAL || rule.interval > MAX_INTERVAL) {
    return 'INTERVAL_OUT_OF_RANGE';
  }
  const hasUntil = rule.untilDate !== undefined && rule.untilDate !== null;
  const hasCount = rule.count !== undefined && rule.count !== null;
  if (hasUntil && hasCount) return 'UNTIL_AND_COUNT';
  if (hasCount && (!Number.isInteger(rule.count) || rule.count! < 1 || rule.count! > MAX_COUNT)) {
    return 'COUNT_OUT_OF_RANGE';
  }
  if (hasUntil) {
    if (!parseLocalDate(rule.untilDate!)) return 'UNTIL_INVALID';
    if (rule.untilDate! < localParts(startUtc, zone).date) return 'UNTIL_BEFORE_START';
  }
  return null;
}

export type DurationProblem = 'DURATION_OUT_OF_RANGE';

export function validateDuration(minutes: number): DurationProblem | null {
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_DURATION_MINUTES ? null : 'DURATION_OUT_OF_RANGE';
}

/** Refuses a window that is empty, reversed or longer than MAX_WINDOW_DAYS. */
export function checkWindow(window: TimeWindow): void {
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) {
    throw new RecurrenceError('WINDOW_INVALID', 'Het einde van de periode moet na het begin liggen.');
  }
  if (to - from > MAX_WINDOW_DAYS * DAY) {
    throw new RecurrenceError('WINDOW_TOO_LARGE', `Vraag hoogstens ${MAX_WINDOW_DAYS} dagen tegelijk op.`);
  }
}

const DAY = 86_400_000;
const MINUTE = 60_000;

const FREQ: Record<RecurrenceFrequency, Frequency> = {
  DAILY: RRule.DAILY,
  WEEKLY: RRule.WEEKLY,
  MONTHLY: RRule.MONTHLY,
  YEARLY: RRule.YEARLY,
};

/** RFC 5545 RRULE value (without "RRULE:"), e.g. FREQ=WEEKLY;INTERVAL=1;UNTIL=20221231T225959Z. */
export function toRRule(rule: RecurrenceRule, zone: string): string {
  const parts = [`FREQ=${rule.frequency}`, `INTERVAL=${rule.interval}`];
  if (rule.count !== undefined && rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.untilDate) {
    // With a zoned DTSTART, UNTIL is in UTC (RFC 5545 3.3.10): the last second of the local day.
    const until = new Date(endOfLocalDay(rule.untilDate, zone).getTime() - 1000);
    parts.push(`UNTIL=${icsUtc(until)}`);
  }
  return parts.join(';');
}

/** 20221231T225959Z */
export function icsUtc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Whether the floating wall-clock month/year has the series' day (RFC 5545 skips, e.g., 31 February). */
function validMonth(year: number, month: number, day: number): boolean {
  return day <= daysInMonth(year, month);
}

interface Anchor {
  /** Floating start of the first occurrence at or after the target (or the series start). */
  dtstart: number;
  /** How many occurrences came before it. */
  index: number;
}

/**
 * The first occurrence of the series at or after floating `target` (approximately:
 * at most one period earlier), with the number of occurrences before it, found by
 * arithmetic instead of iterating from the series start.
 */
function anchorNear(startF: number, rule: RecurrenceRule, target: number, needIndex: boolean): Anchor {
  if (target <= startF) return { dtstart: startF, index: 0 };
  switch (rule.frequency) {
    case 'DAILY':
    case 'WEEKLY': {
      const period = rule.interval * (rule.frequency === 'DAILY' ? 1 : 7) * DAY;
      const k = Math.floor((target - startF) / period);
      return { dtstart: startF + k * period, index: k };
    }
    case 'MONTHLY':
    case 'YEARLY': {
      const s = new Date(startF);
      const sy = s.getUTCFullYear();
      const sm = s.getUTCMonth(); // 0-based
      const sd = s.getUTCDate();
      const timeOfDay = startF - Date.UTC(sy, sm, sd);
      const t = new Date(target);
      const stepMonths = rule.frequency === 'MONTHLY' ? rule.interval : rule.interval * 12;
      const monthsApart = (t.getUTCFullYear() - sy) * 12 + (t.getUTCMonth() - sm);
      // One step back, so that nothing between the anchor and the target is lost.
      let k = Math.max(0, Math.floor(monthsApart / stepMonths) - 1);
      let index = 0;
      if (needIndex) {
        for (let j = 0; j < k; j++) {
          const mm = sm + j * stepMonths;
          if (validMonth(sy + Math.floor(mm / 12), (mm % 12) + 1, sd)) index++;
        }
      }
      // Move forward to a step whose month has the day.
      for (let guard = 0; guard < 400; guard++, k++) {
        const mm = sm + k * stepMonths;
        const y = sy + Math.floor(mm / 12);
        const m = mm % 12;
        if (validMonth(y, m + 1, sd)) return { dtstart: Date.UTC(y, m, sd) + timeOfDay, index };
      }
      return { dtstart: startF, index: 0 };
    }
  }
}

/** Floating wall-clock starts of the series' rule that fall in [fromF, toF], without exceptions. */
function ruleStartsBetween(startF: number, rule: RecurrenceRule, fromF: number, toF: number): number[] {
  const hasCount = rule.count !== undefined && rule.count !== null;
  const anchor = anchorNear(startF, rule, fromF, hasCount);
  let count: number | undefined;
  if (hasCount) {
    count = rule.count! - anchor.index;
    if (count <= 0) return [];
  }
  let untilF: number | undefined;
  if (rule.untilDate) {
    const p = parseLocalDate(rule.untilDate);
    if (!p) return [];
    untilF = Date.UTC(p.year, p.month - 1, p.day, 23, 59, 59, 999);
    if (untilF < anchor.dtstart) return [];
  }
  const out: number[] = [];
  if (rule.frequency === 'DAILY' || rule.frequency === 'WEEKLY') {
    // Without BY* parts these are exactly DTSTART + k × period (RFC 5545 3.3.10): plain arithmetic
    // in floating time, checked against rrule by the property tests.
    const period = rule.interval * (rule.frequency === 'DAILY' ? 1 : 7) * DAY;
    let k = Math.max(0, Math.ceil((fromF - anchor.dtstart) / period));
    for (; ; k++) {
      const f = anchor.dtstart + k * period;
      if (f > toF || (count !== undefined && k >= count) || (untilF !== undefined && f > untilF)) break;
      out.push(f);
      if (out.length > MAX_OCCURRENCES) throw new RecurrenceError('TOO_MANY_OCCURRENCES', 'Te veel afspraken in deze periode.');
    }
    return out;
  }
  const rr = new RRule({
    freq: FREQ[rule.frequency],
    interval: rule.interval,
    dtstart: new Date(anchor.dtstart),
    ...(count !== undefined ? { count } : {}),
    ...(untilF !== undefined ? { until: new Date(untilF) } : {}),
  });
  rr.between(new Date(fromF), new Date(toF), true, (d) => {
    out.push(d.getTime());
    if (out.length > MAX_OCCURRENCES) throw new RecurrenceError('TOO_MANY_OCCURRENCES', 'Te veel afspraken in deze periode.');
    return true;
  });
  return out;
}

/**
 * The occurrences of a series that overlap [from, to): start < to and end > from,
 * with cancelled ones (exdates) left out and changed ones (overrides) in their
 * new place, sorted by start.
 */
export function expandSeries(series: Series, window: TimeWindow): Occurrence[] {
  checkWindow(window);
  const from = window.from.getTime();
  const to = window.to.getTime();
  const durationMs = series.durationMinutes * MINUTE;
  const startMs = series.startUtc.getTime();
  const out: Occurrence[] = [];

  const skip = new Set<number>();
  for (const d of series.exdates ?? []) skip.add(d.getTime());
  for (const o of series.overrides ?? []) skip.add(o.originalStart.getTime());

  if (!series.rule) {
    if (!skip.has(startMs) && startMs < to && startMs + durationMs > from) {
      out.push({ start: new Date(startMs), end: new Date(startMs + durationMs), originalStart: new Date(startMs) });
    }
  } else {
    // The floating window, widened by the duration (an occurrence that began before `from`
    // may still overlap) and by a day for the zone's offset.
    const span = ZoneSpan.around(series.zone, from - durationMs - DAY, to + DAY);
    const fromF = span.toFloating(from) - durationMs - DAY;
    const toF = span.toFloating(to) + DAY;
    const startF = toFloating(startMs, series.zone);
    for (const f of ruleStartsBetween(startF, series.rule, fromF, toF)) {
      const s = span.fromFloating(f);
      if (skip.has(s) || s >= to || s + durationMs <= from) continue;
      out.push({ start: new Date(s), end: new Date(s + durationMs), originalStart: new Date(s) });
    }
  }

  for (const o of series.overrides ?? []) {
    const s = o.start.getTime();
    const e = s + o.durationMinutes * MINUTE;
    if (s < to && e > from) {
      out.push({
        start: new Date(s),
        end: new Date(e),
        originalStart: new Date(o.originalStart.getTime()),
        ...(o.id !== undefined ? { overrideId: o.id } : {}),
      });
    }
  }
  if (out.length > MAX_OCCURRENCES) throw new RecurrenceError('TOO_MANY_OCCURRENCES', 'Te veel afspraken in deze periode.');
  out.sort((a, b) => a.start.getTime() - b.start.getTime());
  return out;
}

/**
 * Whether the series (its rule, ignoring exceptions) puts an occurrence at exactly
 * `originalStart`: the check before a single occurrence may be changed or cancelled.
 */
export function isSeriesOccurrence(series: Pick<Series, 'startUtc' | 'zone' | 'rule'>, originalStart: Date): boolean {
  const t = originalStart.getTime();
  const startMs = series.startUtc.getTime();
  if (!series.rule) return t === startMs;
  if (t < startMs) return false;
  const f = toFloating(t, series.zone);
  const startF = toFloating(startMs, series.zone);
  return ruleStartsBetween(startF, series.rule, f - DAY, f + DAY).some((x) => fromFloating(x, series.zone) === t);
}

/** How many occurrences of the rule come before `originalStart` (its 0-based index). */
export function occurrenceIndex(series: Pick<Series, 'startUtc' | 'zone' | 'rule'>, originalStart: Date): number {
  const rule = series.rule;
  if (!rule) return 0;
  const startF = toFloating(series.startUtc.getTime(), series.zone);
  const f = toFloating(originalStart.getTime(), series.zone);
  const anchor = anchorNear(startF, { ...rule, count: null, untilDate: null }, f, true);
  // Count what lies between the anchor and the occurrence (at most a couple of steps).
  const rr = new RRule({ freq: FREQ[rule.frequency], interval: rule.interval, dtstart: new Date(anchor.dtstart) });
  return anchor.index + rr.between(new Date(anchor.dtstart), new Date(f), true).filter((d) => d.getTime() < f).length;
}

export interface SeriesSplit {
  /**
   * The rule of the part before the occurrence, ending the day before it (UNTIL);
   * null when the occurrence is the very first, so nothing remains before it.
   */
  head: RecurrenceRule | null;
  /** The new series from the occurrence on. */
  tail: { startUtc: Date; rule: RecurrenceRule };
  /** Exceptions by original start: those before the split stay with the head. */
  belongsToHead: (originalStart: Date) => boolean;
}

/** THIS_AND_FOLLOWING: end the series the day before `originalStart` and start a new one there. */
export function splitSeries(series: Pick<Series, 'startUtc' | 'zone' | 'rule'>, originalStart: Date): SeriesSplit {
  const rule = series.rule;
  if (!rule) throw new RangeError('not a recurring series');
  const splitMs = originalStart.getTime();
  const index = occurrenceIndex(series, originalStart);
  const dayBefore = addLocalDays(localParts(originalStart, series.zone).date, -1);
  const head: RecurrenceRule | null =
    index === 0 ? null : { frequency: rule.frequency, interval: rule.interval, untilDate: dayBefore, count: null };
  const tailRule: RecurrenceRule = { frequency: rule.frequency, interval: rule.interval, untilDate: rule.untilDate ?? null, count: null };
  if (rule.count !== undefined && rule.count !== null) tailRule.count = Math.max(1, rule.count - index);
  return {
    head,
    tail: { startUtc: new Date(splitMs), rule: tailRule },
    belongsToHead: (d) => d.getTime() < splitMs,
  };
}

/**
 * An upper bound of the end of the series' last occurrence, or null when it has no
 * end; stored beside a series so that a window query can pass over finished ones.
 */
export function seriesEnd(series: Pick<Series, 'startUtc' | 'durationMinutes' | 'zone' | 'rule'>): Date | null {
  const durationMs = series.durationMinutes * MINUTE;
  const rule = series.rule;
  if (!rule) return new Date(series.startUtc.getTime() + durationMs);
  if (rule.untilDate) return new Date(endOfLocalDay(rule.untilDate, series.zone).getTime() + durationMs);
  if (rule.count !== undefined && rule.count !== null) {
    const startF = toFloating(series.startUtc.getTime(), series.zone);
    const rr = new RRule({ freq: FREQ[rule.frequency], interval: rule.interval, dtstart: new Date(startF), count: rule.count });
    const all = rr.all();
    const last = all.length ? all[all.length - 1]!.getTime() : startF;
    return new Date(fromFloating(last, series.zone) + durationMs);
  }
  return null;
}
