import { icsUtc } from './recurrence';
import { toFloating } from './zone';

/*
 * RFC 5545 iCalendar text for the calendar feed and the e-mailed invitations:
 * VEVENTs with DTSTART;TZID=…, RRULE, EXDATE and RECURRENCE-ID, and the VTIMEZONE
 * they refer to. Lines end in CRLF and are folded at 75 octets.
 */

export interface IcsEvent {
  uid: string;
  start: Date;
  durationMinutes: number;
  zone: string;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  /** RRULE value, e.g. FREQ=WEEKLY;INTERVAL=1 */
  rrule?: string | null;
  exdates?: readonly Date[];
  /** For a changed single occurrence: the original start of the occurrence it replaces. */
  recurrenceId?: Date | null;
  cancelled?: boolean;
  sequence?: number;
  /** DTSTAMP */
  stamp: Date;
}

export interface IcsCalendar {
  name?: string;
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  events: readonly IcsEvent[];
}

/** Zones that follow the EU rules with CET/CEST (UTC+1 / UTC+2). */
const CET_ZONES = new Set([
  'Europe/Amsterdam', 'Europe/Brussels', 'Europe/Luxembourg', 'Europe/Berlin', 'Europe/Paris', 'Europe/Madrid',
  'Europe/Rome', 'Europe/Vienna', 'Europe/Zurich', 'Europe/Copenhagen', 'Europe/Oslo', 'Europe/Stockholm',
  'Europe/Prague', 'Europe/Warsaw', 'Europe/Budapest',
]);

function vtimezone(zone: string): string[] | null {
  if (!CET_ZONES.has(zone)) return null;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19810329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19961027T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

/** TEXT value escaping (RFC 5545 3.3.11). */
export function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let chunk = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > limit) {
      parts.push(chunk);
      chunk = '';
      size = 0;
      limit = 74; // continuation lines start with a space
    }
    chunk += ch;
    size += n;
  }
  parts.push(chunk);
  return parts.join('\r\n ');
}

function localStamp(instant: Date, zone: string): string {
  return icsUtc(new Date(toFloating(instant.getTime(), zone))).replace(/Z$/, '');
}

/** A date-time property in the event's zone (TZID) when a VTIMEZONE is emitted, else in UTC. */
function dt(name: string, instant: Date, zone: string, zoned: boolean): string {
  return zoned ? `${name};TZID=${zone}:${localStamp(instant, zone)}` : `${name}:${icsUtc(instant)}`;
}

function duration(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (minutes <= 0) return 'PT0M';
  return `P${d ? `${d}D` : ''}${h || m ? 'T' : ''}${h ? `${h}H` : ''}${m ? `${m}M` : ''}`;
}

export function buildIcs(cal: IcsCalendar): string {
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kring//Kring agenda//NL', 'CALSCALE:GREGORIAN'];
  if (cal.method) lines.push(`METHOD:${cal.method}`);
  if (cal.name) lines.push(`X-WR-CALNAME:${icsText(cal.name)}`);
  const zones = [...new Set(cal.events.map((e) => e.zone))].sort();
  const zoned = new Set<string>();
  for (const z of zones) {
    const vt = vtimezone(z);
    if (vt) {
      lines.push(...vt);
      zoned.add(z);
    }
  }
  for (const e of cal.events) {
    const z = zoned.has(e.zone);
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${icsUtc(e.stamp)}`);
    lines.push(dt('DTSTART', e.start, e.zone, z), `DURATION:${duration(e.durationMinutes)}`);
    if (e.recurrenceId) lines.push(dt('RECURRENCE-ID', e.recurrenceId, e.zone, z));
    if (e.rrule) lines.push(`RRULE:${e.rrule}`);
    for (const x of e.exdates ?? []) lines.push(dt('EXDATE', x, e.zone, z));
    lines.push(`SUMMARY:${icsText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${icsText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${icsText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, `SEQUENCE:${e.sequence ?? 0}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
