import { addDays, localParts, startOfWeek, visibleDays, windowOf, zonedToUtc } from './zoned';

describe('wall-clock helpers', () => {
  it('puts 10:00 Amsterdam at 09:00Z in winter and 08:00Z in summer', () => {
    expect(zonedToUtc('2022-01-05', '10:00', 'Europe/Amsterdam').toISOString()).toBe('2022-01-05T09:00:00.000Z');
    expect(zonedToUtc('2022-03-30', '10:00', 'Europe/Amsterdam').toISOString()).toBe('2022-03-30T08:00:00.000Z');
    expect(zonedToUtc('2022-11-02', '10:00', 'Europe/Amsterdam').toISOString()).toBe('2022-11-02T09:00:00.000Z');
  });

  it('reads an instant back as wall-clock parts', () => {
    expect(localParts('2022-03-30T08:00:00.000Z', 'Europe/Amsterdam')).toEqual({ date: '2022-03-30', time: '10:00', weekday: 3 });
  });

  it('builds whole weeks for a month, Monday first', () => {
    const days = visibleDays('month', '2022-03-15');
    expect(days[0]).toBe('2022-02-28');
    expect(days.length % 7).toBe(0);
    expect(days).toContain('2022-03-31');
    expect(startOfWeek('2022-03-27')).toBe('2022-03-21');
    expect(addDays('2022-02-28', 1)).toBe('2022-03-01');
  });

  it('covers the days in the zone, not in UTC', () => {
    expect(windowOf(['2022-03-27'], 'Europe/Amsterdam')).toEqual({
      from: '2022-03-26T23:00:00.000Z',
      to: '2022-03-27T22:00:00.000Z',
    });
  });
});
