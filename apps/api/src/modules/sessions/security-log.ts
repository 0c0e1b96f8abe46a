import type { EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
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

/** Appends to the user's own security log, inside the caller's transaction. */
export async function recordSecurityEvent(
  m: EntityManager,
  now: Date,
  e: { userId: string; action: SecurityAction; client?: { userAgent: string | null } | null },
): Promise<void> {
  await m.insert(SecurityEventEntity, {
    id: newId(),
    userId: e.userId,
    at: now,
    action: e.action,
    device: e.client ? describeDevice(e.client.userAgent)?.slice(0, 120) ?? null : null,
  });
}
