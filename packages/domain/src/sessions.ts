/** Session lifetime (QUALITY.md 12): 12 hours at most, 30 minutes idle. */
export const SESSION_MAX_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 30 * 60_000;

export function sessionAlive(createdAt: number, lastSeenAt: number, now: number): boolean {
  return now - createdAt < SESSION_MAX_MS && now - lastSeenAt < SESSION_IDLE_MS;
}

export function sessionExpiresAt(createdAt: number, lastSeenAt: number): number {
  return Math.min(createdAt + SESSION_MAX_MS, lastSeenAt + SESSION_IDLE_MS);
}
