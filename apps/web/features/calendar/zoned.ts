/**
 * Wall-clock helpers for the calendar page, in the account's IANA zone, with Intl only
 * (the web app does not ship a date library). Dates are 'YYYY-MM-DD' strings, times 'HH:mm'.
 */

export interface LocalParts {
  date: string;
  time: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock date, time and weekday of an instant in a zone. */
export function localParts(instant: Date | string, zone: string): LocalParts {
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
  };
}

function offsetMinutes(utcMs: number, zone: string): number {
  const p = localParts(new Date(utcMs), zone);
  const [y, m, d] = p.date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = p.time.split(':').map(Number) as [number, number];
  return (Date.UTC(y, m - 1, d, hh, mm) - Math.floor(utcMs / 60_000) * 60_000) / 60_000;
}

/** The instant at which the wall clock in `zone` shows `date` `time` (the later one in a repeated hour). */
export function zonedToUtc(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  let guess = asUtc - offsetMinutes(asUtc, zone) * 60_000;
  // A second pass settles instants near a daylight-saving change.
  guess = asUtc - offsetMinutes(guess, zone) * 60_000;
  return new Date(guess);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function startOfWeek(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  return t.toISOString().slice(0, 10);
}

export type CalendarMode = 'month' | 'week' | 'list';

/** The days shown for a mode around an anchor date: whole weeks for a month, 7 days for a week, the month for a list. */
export function visibleDays(mode: CalendarMode, anchor: string): string[] {
  if (mode === 'week') {
    const start = startOfWeek(anchor);
    return Array.from({ length: 7 }, (_, i) => addDays(start, i));
  }
  const first = startOfMonth(anchor);
  const next = addMonths(first, 1);
  const start = mode === 'month' ? startOfWeek(first) : first;
  const days: string[] = [];
  for (let d = start; d < next || (mode === 'month' && weekdayOf(d) !== 1); d = addDays(d, 1)) days.push(d);
  return days;
}

/** The instant window [from, to) that covers the visible days in the zone. */
export function windowOf(days: string[], zone: string): { from: string; to: string } {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  return { from: zonedToUtc(first, '00:00', zone).toISOString(), to: zonedToUtc(addDays(last, 1), '00:00', zone).toISOString() };
}

export function shiftAnchor(mode: CalendarMode, anchor: string, step: 1 | -1): string {
  return mode === 'week' ? addDays(anchor, 7 * step) : addMonths(startOfMonth(anchor), step);
}

/**
 * The view the calendar page opens with: the mode and anchor from the address (`?datum`, `?weergave`),
 * else the month around today in the account's zone. Used by the page in the browser and by the server
 * that fetches that first window ahead, so both ask exactly the same window.
 */
export function openingView(
  opts: { initialDate?: string; initialMode?: CalendarMode; today: string },
): { mode: CalendarMode; anchor: string } {
  return { mode: opts.initialMode ?? 'month', anchor: opts.initialDate ?? opts.today };
}
