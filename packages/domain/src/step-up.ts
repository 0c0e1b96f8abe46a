/** SMS step-up freshness (QUALITY.md 6, 7, 9). Pure: takes instants in ms. */

export const STEP_UP_MAX_AGE_S = 900;
export const STEP_UP_CODE_TTL_MS = 10 * 60_000;
export const STEP_UP_MAX_WRONG_PER_CODE = 5;
export const STEP_UP_LOCK_AFTER_WRONG = 10;
export const STEP_UP_LOCK_MS = 15 * 60_000;
export const SMS_PER_10_MIN = 3;
export const SMS_PER_DAY = 10;

/** A step-up stays valid while protected fields keep being used; it lapses after maxAge without. */
export function stepUpValid(lastUsedAt: number | null, now: number, maxAgeSeconds = STEP_UP_MAX_AGE_S): boolean {
  if (lastUsedAt === null) return false;
  return now - lastUsedAt <= maxAgeSeconds * 1000;
}

export function stepUpValidUntil(lastUsedAt: number | null, maxAgeSeconds = STEP_UP_MAX_AGE_S): number | null {
  return lastUsedAt === null ? null : lastUsedAt + maxAgeSeconds * 1000;
}

/** Whether another SMS may be sent, given the send times (ms) of earlier ones. */
export function smsAllowed(sentAt: readonly number[], now: number): boolean {
  const inWindow = (ms: number) => sentAt.filter((t) => now - t < ms).length;
  return inWindow(10 * 60_000) < SMS_PER_10_MIN && inWindow(24 * 3600_000) < SMS_PER_DAY;
}
