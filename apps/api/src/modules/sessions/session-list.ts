import { IsNull } from 'typeorm';
import { sessionAlive } from '@kring/domain';
import type { Context } from '../../core/context';
import { AppError } from '../../core/errors';
import { requireViewer } from '../../core/access';
import { SessionEntity } from './session.entity';
import { endSessions } from './session.service';
import { recordSecurityEvent } from './security-log';
import type { SessionInfoType } from './session-info.type';

/** The viewer's live sessions, newest first, this one marked current. */
export async function listOwnSessions(ctx: Context): Promise<SessionInfoType[]> {
  const viewer = requireViewer(ctx);
  const now = ctx.clock.now().getTime();
  const rows = await ctx.db.manager.find(SessionEntity, {
    where: { userId: viewer.userId, endedAt: IsNull() },
    order: { createdAt: 'DESC' },
  });
  return rows
    .filter((s) => sessionAlive(s.createdAt.getTime(), s.lastSeenAt.getTime(), now))
    .map((s) => ({
      id: s.id,
      current: s.id === viewer.sessionId,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      device: s.device,
    }));
}

/** Ends one of the viewer's own sessions; someone else's id answers exactly like an unknown one. */
export async function endOwnSession(ctx: Context, sessionId: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  const now = ctx.clock.now();
  const ended = await ctx.db.tx(async (m) => {
    const result = await m
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ endedAt: now })
      .where('id = :id AND userId = :userId AND endedAt IS NULL', { id: sessionId, userId: viewer.userId })
      .execute();
    if (!result.affected) return false;
    await recordSecurityEvent(m, now, { userId: viewer.userId, action: 'SESSION_ENDED', client: ctx.client });
    return true;
  });
  if (!ended) throw new AppError('NOT_FOUND', 'Deze sessie bestaat niet (meer).');
  return true;
}

export async function signOutElsewhere(ctx: Context): Promise<number> {
  const viewer = requireViewer(ctx);
  const now = ctx.clock.now();
  return ctx.db.tx(async (m) => {
    const open = await m.find(SessionEntity, { where: { userId: viewer.userId, endedAt: IsNull() } });
    // Count what the user saw in their list: sessions that had not yet expired on their own.
    const count = open.filter((s) => s.id !== viewer.sessionId && sessionAlive(s.createdAt.getTime(), s.lastSeenAt.getTime(), now.getTime())).length;
    await endSessions(m, now, { userId: viewer.userId, exceptId: viewer.sessionId });
    if (count > 0) await recordSecurityEvent(m, now, { userId: viewer.userId, action: 'SESSIONS_ENDED', client: ctx.client });
    return count;
  });
}
