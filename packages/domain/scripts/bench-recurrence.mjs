// Mean time to expand one series for a month window (QUALITY.md Speed: ≤ 1 ms,
// also for a series that began 20 years ago). Runs against dist: npm run build first.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { expandSeries, instantFromLocal } = require('../dist/index.js');

const AMS = 'Europe/Amsterdam';
const window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const cases = [
  ['weekly, began last month', { startUtc: instantFromLocal('2026-02-04', '10:00', AMS), durationMinutes: 60, zone: AMS, rule: { frequency: 'WEEKLY', interval: 1 } }],
  ['daily, began last month', { startUtc: instantFromLocal('2026-02-04', '10:00', AMS), durationMinutes: 60, zone: AMS, rule: { frequency: 'DAILY', interval: 1 } }],
  ['daily, began 20 years ago', { startUtc: instantFromLocal('2006-03-15', '07:45', AMS), durationMinutes: 15, zone: AMS, rule: { frequency: 'DAILY', interval: 1 } }],
  ['daily with count, began 20 years ago', { startUtc: instantFromLocal('2006-03-15', '07:45', AMS), durationMinutes: 15, zone: AMS, rule: { frequency: 'DAILY', interval: 1, count: 9000 } }],
  ['weekly, began 20 years ago', { startUtc: instantFromLocal('2006-03-15', '10:00', AMS), durationMinutes: 60, zone: AMS, rule: { frequency: 'WEEKLY', interval: 1 } }],
  ['monthly on the 31st with count, began 20 years ago', { startUtc: instantFromLocal('2006-01-31', '10:00', AMS), durationMinutes: 60, zone: AMS, rule: { frequency: 'MONTHLY', interval: 1, count: 1000 } }],
];

const BAR_MS = 1;
let failed = false;
for (const [name, series] of cases) {
  for (let i = 0; i < 500; i++) expandSeries(series, window); // warm up
  const n = 5000;
  const t0 = process.hrtime.bigint();
  let occurrences = 0;
  for (let i = 0; i < n; i++) occurrences = expandSeries(series, window).length;
  const meanMs = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  const ok = meanMs <= BAR_MS;
  if (!ok) failed = true;
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${name}: ${meanMs.toFixed(4)} ms per month window (${occurrences} occurrences)`);
}
if (failed) {
  console.log(`bar: ≤ ${BAR_MS} ms`);
  process.exitCode = 1;
}
