import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { sessionAlive, sessionExpiresAt } from '@kring/domain';
import type { AppServices, ViewerSession } from '../../core/context';
import { newId } from '../../db/columns';
import { SessionEntity } from './session.entity';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  session: SessionEntity;
  expiresAt: Date;
}

/** A 256-bit opaque token; only its hash is stored. */
export async function createSession(
  m: EntityManager,
  now: Date,
  userId: string,
  client: { ip: string; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const session = m.create(SessionEntity, {
    id: newId(),
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    endedAt: null,
    device: describeDevice(client.userAgent),
    ip: client.ip.slice(0, 64),
    stepUpUsedAt: null,
  });
  await m.insert(SessionEntity, session);
  return { token, session, expiresAt: new Date(sessionExpiresAt(now.getTime(), now.getTime())) };
}

/** Looks a bearer token up; a session that ended, idled or outlived 12 hours gives nothing. */
export async function resolveSession(services: AppServices, token: string): Promise<ViewerSession | null> {
  const m = services.db.manager;
  const session = await m.findOneBy(SessionEntity, { tokenHash: hashToken(token), endedAt: IsNull() });
  if (!session) return null;
  const now = services.clock.now();
  if (!sessionAlive(session.createdAt.getTime(), session.lastSeenAt.getTime(), now.getTime())) return null;
  // Refresh the idle timer at most every 30 s, to keep writes off the hot path.
  if (now.getTime() - session.lastSeenAt.getTime() > 30_000) {
    await m.update(SessionEntity, { id: session.id }, { lastSeenAt: now });
  }
  return { userId: session.userId, sessionId: session.id, stepUpUsedAt: session.stepUpUsedAt };
}

export async function endSessions(m: EntityManager, now: Date, where: { userId: string; exceptId?: string }): Promise<number> {
  const qb = m
    .createQueryBuilder()
    .update(SessionEntity)
    .set({ endedAt: now })
    .where('userId = :userId AND endedAt IS NULL', { userId: where.userId });
  if (where.exceptId) qb.andWhere('id <> :id', { id: where.exceptId });
  const result = await qb.execute();
  return result.affected ?? 0;
}

/** "Firefox on Android" from a user-agent string; nothing more specific is kept. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const platform = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && platform) return `${browser} on ${platform}`;
  return browser ?? platform ?? userAgent.slice(0, 60);
}
