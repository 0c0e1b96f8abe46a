import { buildIcs, foldLine, icsText } from './ics';
import { toRRule } from './recurrence';
import { instantFromLocal } from './zone';

const AMS = 'Europe/Amsterdam';

describe('buildIcs', () => {
  const stamp = new Date('2022-01-01T00:00:00Z');
  const text = buildIcs({
    method: 'PUBLISH',
    name: 'Agenda',
    events: [
      {
        uid: 'a1@kring',
        start: instantFromLocal('2022-01-05', '10:00', AMS),
        durationMinutes: 90,
        zone: AMS,
        summary: 'Tennis; met Jeroen, natuurlijk',
        rrule: toRRule({ frequency: 'WEEKLY', interval: 1 }, AMS),
        exdates: [instantFromLocal('2022-04-06', '10:00', AMS)],
        stamp,
      },
      {
        uid: 'a1@kring',
        start: instantFromLocal('2022-04-14', '11:00', AMS),
        recurrenceId: instantFromLocal('2022-04-13', '10:00', AMS),
        durationMinutes: 60,
        zone: AMS,
        summary: 'Tennis',
        stamp,
      },
    ],
  });
  const lines = text.split('\r\n');

  it('writes a VCALENDAR with a VTIMEZONE for Europe/Amsterdam and zoned times', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines).toContain('TZID:Europe/Amsterdam');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20220105T100000');
    expect(lines).toContain('DURATION:PT1H30M');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1');
    expect(lines).toContain('EXDATE;TZID=Europe/Amsterdam:20220406T100000');
    expect(lines).toContain('RECURRENCE-ID;TZID=Europe/Amsterdam:20220413T100000');
    expect(lines).toContain('DTSTART;TZID=Europe/Amsterdam:20220414T110000');
    expect(lines).toContain('SUMMARY:Tennis\\; met Jeroen\\, natuurlijk');
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
  });

  it('falls back to UTC times for a zone without a known VTIMEZONE', () => {
    const t = buildIcs({ events: [{ uid: 'x', start: new Date('2022-01-05T09:00:00Z'), durationMinutes: 30, zone: 'Asia/Tokyo', summary: 'X', stamp }] });
    expect(t).toContain('DTSTART:20220105T090000Z');
    expect(t).not.toContain('VTIMEZONE');
  });
});

describe('text helpers', () => {
  it('escapes and folds', () => {
    expect(icsText('a\\b\nc')).toBe('a\\\\b\\nc');
    const long = 'DESCRIPTION:' + 'é'.repeat(80);
    const folded = foldLine(long).split('\r\n');
    for (const l of folded) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
  });
});
