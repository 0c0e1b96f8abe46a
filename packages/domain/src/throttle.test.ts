import { codeLockedUntil, growingDelayWaitMs, signInWaitMs, SIGN_IN, smsWaitMs, windowCapWaitMs } from './throttle';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const none = [] as number[];

describe('windowCapWaitMs', () => {
  it('allows until the cap, then waits for the oldest to age out', () => {
    expect(windowCapWaitMs([T0, T0 + MIN], T0 + 2 * MIN, 10 * MIN, 3)).toBe(0);
    expect(windowCapWaitMs([T0, T0 + MIN, T0 + 2 * MIN], T0 + 3 * MIN, 10 * MIN, 3)).toBe(7 * MIN);
    expect(windowCapWaitMs([T0, T0 + MIN, T0 + 2 * MIN], T0 + 10 * MIN, 10 * MIN, 3)).toBe(0);
  });

  it('counts events stamped after now (a request that waited for a lock; another process, QUALITY.md 26)', () => {
    expect(windowCapWaitMs([T0 + 10, T0 + 20, T0 + 30], T0, 10 * MIN, 3)).toBe(10 * MIN + 10);
    expect(growingDelayWaitMs([1, 2, 3, 4, 5].map((i) => T0 + i), T0, SIGN_IN)).toBe(SIGN_IN.baseDelayMs + 5);
  });
});

describe('sign-in throttling (QUALITY.md 2)', () => {
  it('costs nothing for the first 5 failures, then a delay that grows', () => {
    const fails = (n: number) => Array.from({ length: n }, (_, i) => T0 + i * 1000);
    expect(growingDelayWaitMs(fails(4), T0 + 4000, SIGN_IN)).toBe(0);
    const after5 = growingDelayWaitMs(fails(5), T0 + 4000, SIGN_IN);
    const after6 = growingDelayWaitMs(fails(6), T0 + 5000, SIGN_IN);
    const after7 = growingDelayWaitMs(fails(7), T0 + 6000, SIGN_IN);
    expect(after5).toBeGreaterThan(0);
    expect(after6).toBe(2 * after5);
    expect(after7).toBe(2 * after6);
    expect(growingDelayWaitMs(fails(40), T0 + 39_000, SIGN_IN)).toBe(SIGN_IN.maxDelayMs);
  });

  it('refuses an account after 100 failures in an hour, whatever the address', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => T0 + i * 20_000);
    const now = T0 + 100 * 20_000;
    expect(signInWaitMs({ pairFailures: none, accountFailures: hundred.slice(1), addressFailures: none }, now)).toBe(0);
    expect(signInWaitMs({ pairFailures: none, accountFailures: hundred, addressFailures: none }, now)).toBeGreaterThan(0);
    // An hour after the first failure, one more try is allowed.
    expect(signInWaitMs({ pairFailures: none, accountFailures: hundred, addressFailures: none }, T0 + 60 * MIN)).toBe(0);
  });
});

describe('SMS limits (QUALITY.md 7)', () => {
  it('allows 3 per user per 10 minutes', () => {
    const three = [T0, T0 + MIN, T0 + 2 * MIN];
    expect(smsWaitMs({ user: three.slice(0, 2), number: none, address: none }, T0 + 3 * MIN)).toBe(0);
    expect(smsWaitMs({ user: three, number: none, address: none }, T0 + 3 * MIN)).toBe(7 * MIN);
  });
  it('allows 10 per user per day', () => {
    const ten = Array.from({ length: 10 }, (_, i) => T0 + i * 11 * MIN);
    expect(smsWaitMs({ user: ten, number: none, address: none }, T0 + 3 * 60 * MIN)).toBeGreaterThan(60 * MIN);
  });
  it('caps one destination number whichever user asks (SMS pumping)', () => {
    const five = Array.from({ length: 5 }, (_, i) => T0 + i * MIN);
    expect(smsWaitMs({ user: none, number: five, address: none }, T0 + 6 * MIN)).toBeGreaterThan(0);
  });
  it('caps one client address', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => T0 + i * MIN);
    expect(smsWaitMs({ user: none, number: none, address: twenty }, T0 + 21 * MIN)).toBeGreaterThan(0);
  });
});

describe('code entry lock (QUALITY.md 7)', () => {
  const wrong = (n: number, from = T0) => Array.from({ length: n }, (_, i) => from + i * 1000);
  it('locks for 15 minutes after 10 wrong in a row', () => {
    expect(codeLockedUntil(wrong(9), T0 + 10_000)).toBeNull();
    expect(codeLockedUntil(wrong(10), T0 + 10_000)).toBe(T0 + 9000 + 15 * MIN);
    expect(codeLockedUntil(wrong(10), T0 + 9000 + 15 * MIN)).toBeNull();
  });
  it('starts counting afresh after a lock', () => {
    const afterLock = T0 + 9000 + 15 * MIN;
    expect(codeLockedUntil([...wrong(10), ...wrong(9, afterLock)], afterLock + 10_000)).toBeNull();
    expect(codeLockedUntil([...wrong(10), ...wrong(10, afterLock)], afterLock + 10_000)).toBe(afterLock + 9000 + 15 * MIN);
  });
});
