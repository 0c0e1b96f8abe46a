import { DateTime, IANAZone } from 'luxon';

/*
 * Wall-clock helpers. "Floating" times are plain epoch milliseconds whose UTC
 * fields are the wall-clock fields of a zone (what rrule works with when it has
 * no tzid). Converting between instants and floating times goes through luxon's
 * zone offsets, which are cached per zone: cheap enough for the request path.
 */

export const DEFAULT_ZONE = 'Europe/Amsterdam';
const MINUTE = 60_000;

const zones = new Map<string, IANAZone>();

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function zoneOf(zone: string): IANAZone {
  let z = zones.get(zone);
  if (!z) {
    if (!IANAZone.isValidZone(zone)) throw new RangeError(`unknown time zone: ${zone}`);
    z = IANAZone.create(zone);
    zones.set(zone, z);
  }
  return z;
}

/*
 * Offsets are facts that never change, but luxon finds each with Intl (microseconds):
 * remember recent answers (a series' first start is asked for on every request).
 */
const OFFSET_MEMO_MAX = 20_000;
const offsetMemo = new Map<string, number>();

function offsetOf(zone: string, instantMs: number): number {
  const key = `${zone}|${instantMs}`;
  let o = offsetMemo.get(key);
  if (o === undefined) {
    o = zoneOf(zone).offset(instantMs);
    if (offsetMemo.size >= OFFSET_MEMO_MAX) offsetMemo.clear();
    offsetMemo.set(key, o);
  }
  return o;
}

/** Instant (ms) → floating wall-clock ms in `zone`. */
export function toFloating(instantMs: number, zone: string): number {
  return instantMs + offsetOf(zone, instantMs) * MINUTE;
}

/**
 * Floating wall-clock ms in `zone` → instant (ms). A wall-clock time that does
 * not exist (the spring gap) moves forward by the gap, as RFC 5545 3.3.5 says;
 * an ambiguous one (the autumn repeat) takes the first, i.e. the earlier instant.
 */
export function fromFloating(floatingMs: number, zone: string): number {
  const z = zoneOf(zone);
  // The offsets just before and after the wall-clock time bracket any transition.
  const before = z.offset(floatingMs - 14 * 3600_000);
  const after = z.offset(floatingMs + 14 * 3600_000);
  const candidates = before === after ? [before] : [before, after];
  const matches = candidates
    .map((o) => floatingMs - o * MINUTE)
    .filter((utc) => z.offset(utc) * MINUTE + utc === floatingMs)
    .sort((a, b) => a - b);
  if (matches.length > 0) return matches[0]!;
  // In the gap: interpret with the offset from before the transition (moves it forward).
  return floatingMs - before * MINUTE;
}

/**
 * The offsets of a zone over a range of instants, found with a handful of lookups
 * (a sample a week and a binary search at each change) so that converting many
 * occurrences costs arithmetic only. Zones do not change offset twice in a week.
 */
export class ZoneSpan {
  /** Sorted: from `at` (ms) on, the offset is `offset` minutes. */
  private readonly steps: { at: number; offset: number }[] = [];

  constructor(
    private readonly zone: string,
    from: number,
    to: number,
  ) {
    const z = zoneOf(zone);
    const WEEK = 7 * 86_400_000;
    let t = Math.floor((from - 86_400_000) / MINUTE) * MINUTE;
    let o = z.offset(t);
    this.steps.push({ at: -Infinity, offset: o });
    const end = to + 86_400_000;
    while (t < end) {
      const next = Math.min(t + WEEK, end);
      const on = z.offset(next);
      if (on !== o) {
        // Binary search the change to the minute.
        let lo = t;
        let hi = next;
        while (hi - lo > MINUTE) {
          const mid = lo + Math.max(MINUTE, Math.floor((hi - lo) / 2 / MINUTE) * MINUTE);
          if (z.offset(mid) === o) lo = mid;
          else hi = mid;
        }
        this.steps.push({ at: hi, offset: on });
        o = on;
      }
      t = next;
    }
  }

  private static readonly cache = new Map<string, ZoneSpan>();

  /**
   * A span covering [from, to], shared: widened to whole UTC days (plus a day) so that
   * the series of one request, and the next requests for the same window, reuse it.
   */
  static around(zone: string, from: number, to: number): ZoneSpan {
    const a = Math.floor(from / 86_400_000) - 1;
    const b = Math.ceil(to / 86_400_000) + 1;
    const key = `${zone}|${a}|${b}`;
    let span = ZoneSpan.cache.get(key);
    if (!span) {
      span = new ZoneSpan(zone, a * 86_400_000, b * 86_400_000);
      if (ZoneSpan.cache.size >= 512) ZoneSpan.cache.clear();
      ZoneSpan.cache.set(key, span);
    }
    return span;
  }

  /** Offset in minutes at an instant in (or near) the span. */
  offset(instantMs: number): number {
    let o = this.steps[0]!.offset;
    for (const s of this.steps) {
      if (s.at > instantMs) break;
      o = s.offset;
    }
    return o;
  }

  toFloating(instantMs: number): number {
    return instantMs + this.offset(instantMs) * MINUTE;
  }

  /** As fromFloating, within the span. */
  fromFloating(floatingMs: number): number {
    if (this.steps.length === 1) return floatingMs - this.steps[0]!.offset * MINUTE;
    const before = this.offset(floatingMs - 14 * 3600_000);
    const after = this.offset(floatingMs + 14 * 3600_000);
    if (before === after) return floatingMs - before * MINUTE;
    const a = floatingMs - before * MINUTE;
    const b = floatingMs - after * MINUTE;
    const okA = this.offset(a) === before;
    const okB = this.offset(b) === after;
    if (okA && okB) return Math.min(a, b);
    if (okA) return a;
    if (okB) return b;
    return floatingMs - before * MINUTE;
  }

  get zoneName(): string {
    return this.zone;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function localParts(instant: Date | number, zone: string): LocalParts {
  const f = new Date(toFloating(typeof instant === 'number' ? instant : instant.getTime(), zone));
  const year = f.getUTCFullYear();
  const month = f.getUTCMonth() + 1;
  const day = f.getUTCDate();
  const hour = f.getUTCHours();
  const minute = f.getUTCMinutes();
  const wd = f.getUTCDay();
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday: wd === 0 ? 7 : wd,
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
  };
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD strictly (a real calendar day); null otherwise. */
export function parseLocalDate(date: string): { year: number; month: number; day: number } | null {
  const m = LOCAL_DATE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isLocalDate(date: string): boolean {
  return parseLocalDate(date) !== null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function floatingDay(date: string): number {
  const p = parseLocalDate(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(p.year, p.month - 1, p.day);
}

/** The first instant of a local day in `zone`. */
export function startOfLocalDay(date: string, zone: string): Date {
  return new Date(fromFloating(floatingDay(date), zone));
}

/** The end (exclusive: the first instant of the next day) of a local day in `zone`. */
export function endOfLocalDay(date: string, zone: string): Date {
  return new Date(fromFloating(floatingDay(date) + 86_400_000, zone));
}

/** A local day plus or minus whole days. */
export function addLocalDays(date: string, days: number): string {
  const d = new Date(floatingDay(date) + days * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** An instant from a local date and time in `zone`. */
export function instantFromLocal(date: string, time: string, zone: string): Date {
  const [h, mi] = time.split(':').map(Number);
  return new Date(fromFloating(floatingDay(date) + ((h ?? 0) * 60 + (mi ?? 0)) * MINUTE, zone));
}

/** ISO 8601 with the zone's offset, e.g. 2022-01-05T10:00:00.000+01:00. */
export function toZonedIso(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO() ?? instant.toISOString();
}

/** Human text for e-mails, e.g. "woensdag 5 januari 2022 om 10:00" / "Wednesday 5 January 2022 at 10:00". */
export function formatLocalDateTime(instant: Date, zone: string, locale: string): string {
  const dt = DateTime.fromJSDate(instant, { zone }).setLocale(locale === 'en' ? 'en-GB' : 'nl-NL');
  const day = dt.toFormat('cccc d LLLL yyyy');
  return locale === 'en' ? `${day} at ${dt.toFormat('HH:mm')}` : `${day} om ${dt.toFormat('HH:mm')}`;
}
