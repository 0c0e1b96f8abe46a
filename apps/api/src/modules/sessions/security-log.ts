import type { EntityManager } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { SecurityEventEntity } from './security-event.entity';
import { describeDevice } from './session.service';

export const SECURITY_ACTIONS = [
  'SIGNED_IN',
  'STEP_UP_VERIFIED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET',
  'EMAIL_CHANGE_REQUESTED',
  'EMAIL_CHANGED',
  'EMAIL_VERIFIED',
  'PHONE_CHANGED',
  'SESSION_ENDED',
  'SESSIONS_ENDED',
] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

let counter = 0;
/**
 * Time-ordered ids (like UUIDv7, with a per-process counter), so that events written in the same
 * millisecond still list in the order they happened.
 */
function orderedId(now: Date): string {
  counter = (counter + 1) % 0x1_0000_0000;
  const hex = now.getTime().toString(16).padStart(12, '0') + counter.toString(16).padStart(8, '0') + randomBytes(6).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Appends to the user's own security log, inside the caller's transaction. */
export async function recordSecurityEvent(
  m: EntityManager,
  now: Date,
  e: { userId: string; action: SecurityAction; client?: { userAgent: string | null } | null },
): Promise<void> {
  await m.insert(SecurityEventEntity, {
    id: orderedId(now),
    userId: e.userId,
    at: now,
    action: e.action,
    device: e.client ? describeDevice(e.client.userAgent)?.slice(0, 120) ?? null : null,
  });
}
