/**
 * Throttling rules (QUALITY.md 2, 7). Pure: every function takes the instants (ms) of
 * earlier events, as kept in the database, and the current instant, and answers how
 * long the caller must wait (0 = allowed). Counters live in the database, so that two
 * API processes behave as one (QUALITY.md 26).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Sign-in (QUALITY.md 2, ASVS 2.2.1). */
export const SIGN_IN = {
  /** Failures for one e-mail from one address that cost nothing. */
  freeFailures: 5,
  /** The delay after the 5th failure; it doubles with every further failure. */
  baseDelayMs: 15_000,
  maxDelayMs: 15 * MINUTE,
  /** Failures of one e-mail (whatever the address) per hour; beyond it even the right password is refused. */
  perAccountPerHour: 100,
  /** Failures from one address (whatever the e-mail) per hour: credential stuffing. */
  perAddressPerHour: 300,
  windowMs: HOUR,
} as const;

/** SMS sends (QUALITY.md 7): per user, per destination number and per client address (SMS pumping). */
export const SMS_LIMITS = {
  perUser10Min: 3,
  perUserDay: 10,
  perNumberHour: 5,
  perNumberDay: 10,
  perAddressHour: 20,
} as const;

/** Wrong code entries (QUALITY.md 7): 10 in a row lock code entry for 15 minutes. */
export const CODE_LOCK = { streak: 10, lockMs: 15 * MINUTE } as const;

/**
 * How long until fewer than `max` events lie within the last `windowMs` (0 when already so).
 * Events stamped after `now` count too: a request that took its time before waiting for
 * another's lock, or a process whose clock is a little behind, must not overlook them (QUALITY.md 26).
 */
export function windowCapWaitMs(times: readonly number[], now: number, windowMs: number, max: number): number {
  const inWindow = times.filter((t) => now - t < windowMs).sort((a, b) => a - b);
  if (inWindow.length < max) return 0;
  // The oldest events must age out until only max - 1 remain.
  const mustExpire = inWindow[inWindow.length - max];
  return mustExpire + windowMs - now;
}

/** A delay that grows with every failure past the free ones: base, 2×base, 4×base … up to maxMs. */
export function growingDelayWaitMs(
  failures: readonly number[],
  now: number,
  opts: { freeFailures: number; baseDelayMs: number; maxDelayMs: number; windowMs: number },
): number {
  // As in windowCapWaitMs, failures stamped after `now` (another process, a wait for a lock) count.
  const recent = failures.filter((t) => now - t < opts.windowMs);
  if (recent.length < opts.freeFailures) return 0;
  const delay = Math.min(opts.baseDelayMs * 2 ** (recent.length - opts.freeFailures), opts.maxDelayMs);
  return Math.max(0, Math.max(...recent) + delay - now);
}

/**
 * Sign-in: how long before this e-mail may be tried again from this address.
 * `pairFailures`: failures of this e-mail from this address; `accountFailures`: of this e-mail
 * from anywhere; `addressFailures`: from this address for any e-mail. All within the last hour.
 * Keyed by the e-mail as typed, so an unknown address is throttled exactly like a known one.
 */
export function signInWaitMs(
  f: { pairFailures: readonly number[]; accountFailures: readonly number[]; addressFailures: readonly number[] },
  now: number,
): number {
  return Math.max(
    growingDelayWaitMs(f.pairFailures, now, SIGN_IN),
    windowCapWaitMs(f.accountFailures, now, SIGN_IN.windowMs, SIGN_IN.perAccountPerHour),
    windowCapWaitMs(f.addressFailures, now, SIGN_IN.windowMs, SIGN_IN.perAddressPerHour),
  );
}

/** Whether another SMS may leave, and if not, how long to wait. */
export function smsWaitMs(
  sends: { user: readonly number[]; number: readonly number[]; address: readonly number[] },
  now: number,
): number {
  return Math.max(
    windowCapWaitMs(sends.user, now, 10 * MINUTE, SMS_LIMITS.perUser10Min),
    windowCapWaitMs(sends.user, now, DAY, SMS_LIMITS.perUserDay),
    windowCapWaitMs(sends.number, now, HOUR, SMS_LIMITS.perNumberHour),
    windowCapWaitMs(sends.number, now, DAY, SMS_LIMITS.perNumberDay),
    windowCapWaitMs(sends.address, now, HOUR, SMS_LIMITS.perAddressHour),
  );
}

/**
 * Wrong code entries since the last correct one: every 10th wrong entry in a row locks
 * code entry for 15 minutes from that entry. Returns the end of the lock, or null.
 */
export function codeLockedUntil(wrongSinceLastSuccess: readonly number[], now: number): number | null {
  const sorted = [...wrongSinceLastSuccess].sort((a, b) => a - b);
  let until: number | null = null;
  let streak = 0;
  for (const t of sorted) {
    // Entries made during a lock were refused without being checked; they do not count.
    if (until !== null && t < until) continue;
    streak++;
    if (streak >= CODE_LOCK.streak) {
      until = t + CODE_LOCK.lockMs;
      streak = 0;
    }
  }
  return until !== null && until > now ? until : null;
}

/** Seconds for a Retry-After style answer, rounded up, at least 1. */
export const waitSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
