import { RRule } from 'rrule';
import { expandSeries, type RecurrenceRule, type Series } from './recurrence';
import { fromFloating, toFloating } from './zone';

/*
 * Property: for random rules, starts and windows, the windowed expansion (anchored near
 * the window, arithmetic for DAILY/WEEKLY) equals rrule run from the very first start in
 * floating time, converted with the zone.
 */

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FREQ = { DAILY: RRule.DAILY, WEEKLY: RRule.WEEKLY, MONTHLY: RRule.MONTHLY, YEARLY: RRule.YEARLY } as const;
const DAY = 86_400_000;

function reference(series: Series, from: number, to: number): number[] {
  const rule = series.rule!;
  const startF = toFloating(series.startUtc.getTime(), series.zone);
  const until = rule.untilDate ? new Date(`${rule.untilDate}T23:59:59.999Z`) : undefined;
  const rr = new RRule({
    freq: FREQ[rule.frequency],
    interval: rule.interval,
    dtstart: new Date(startF),
    ...(rule.count ? { count: rule.count } : {}),
    ...(until ? { until } : {}),
  });
  const dur = series.durationMinutes * 60_000;
  const fromF = toFloating(from, series.zone) - dur - 2 * DAY;
  const toF = toFloating(to, series.zone) + 2 * DAY;
  return rr
    .between(new Date(fromF), new Date(toF), true)
    .map((d) => fromFloating(d.getTime(), series.zone))
    .filter((s) => s < to && s + dur > from);
}

describe('expandSeries equals rrule from the first start', () => {
  const zones = ['Europe/Amsterdam', 'America/New_York', 'Australia/Sydney', 'UTC'];
  const freqs = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
  const rand = prng(20260305);
  const cases = Array.from({ length: 400 }, (_, i) => {
    const zone = zones[i % zones.length]!;
    const frequency = freqs[Math.floor(rand() * 4)]!;
    const start = Date.UTC(2000 + Math.floor(rand() * 30), Math.floor(rand() * 12), 1 + Math.floor(rand() * 31), Math.floor(rand() * 24), Math.floor(rand() * 4) * 15);
    const interval = rand() < 0.5 ? 1 : 1 + Math.floor(rand() * (frequency === 'DAILY' ? 40 : 6));
    const end = rand();
    const rule: RecurrenceRule = { frequency, interval };
    if (end < 0.3) rule.count = 1 + Math.floor(rand() * (frequency === 'DAILY' ? 1000 : 60));
    else if (end < 0.6) rule.untilDate = new Date(start + Math.floor(rand() * 3000) * DAY).toISOString().slice(0, 10);
    const from = start + Math.floor((rand() - 0.1) * 4000) * DAY;
    const days = 1 + Math.floor(rand() * 400);
    return { zone, rule, start, from, to: from + days * DAY, duration: 15 + Math.floor(rand() * 180) };
  });
  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const series: Series = { startUtc: new Date(c.start), durationMinutes: c.duration, zone: c.zone, rule: c.rule };
    const got = expandSeries(series, { from: new Date(c.from), to: new Date(c.to) }).map((o) => o.start.getTime());
    expect(got).toEqual(reference(series, c.from, c.to));
  });
});
