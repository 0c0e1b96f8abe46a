import { hasRight, stepUpValid, type Right } from '@kring/domain';
import { AppError } from './errors';
import type { Access, Context } from './context';
import { SessionEntity } from '../modules/sessions/session.entity';
import type { UserEntity } from '../modules/accounts/user.entity';

export function requireViewer(ctx: Context) {
  if (!ctx.viewer) throw new AppError('UNAUTHENTICATED');
  return ctx.viewer;
}

/**
 * The one place that decides whether the viewer holds a right on an account.
 * No connection: NOT_FOUND, exactly as for an id that does not exist (no existence leak).
 */
export async function requireRight(ctx: Context, accountId: string, right: Right): Promise<Access> {
  requireViewer(ctx);
  const access = await ctx.loaders.access.load(accountId);
  if (!access) throw new AppError('NOT_FOUND');
  if (!hasRight(access.level, right, access.status)) throw new AppError('FORBIDDEN');
  return access;
}

/** For mutations that take only an entity id: the entity's own account decides (DESIGN.md). */
export async function requireRightOnEntity<T>(
  ctx: Context,
  entity: T | null,
  accountIdOf: (e: T) => string,
  right: Right,
): Promise<{ entity: T; access: Access }> {
  requireViewer(ctx);
  if (!entity) throw new AppError('NOT_FOUND');
  const access = await ctx.loaders.access.load(accountIdOf(entity));
  // Someone without a connection learns nothing about the entity's existence.
  if (!access) throw new AppError('NOT_FOUND');
  if (!hasRight(access.level, right, access.status)) throw new AppError('FORBIDDEN');
  return { entity, access };
}

/**
 * SMS step-up (QUALITY.md 9): valid while the session keeps using protected fields,
 * lapsing after maxAge without. Kept server-side on the session row.
 */
export async function requireStepUp(ctx: Context, maxAgeSeconds: number): Promise<void> {
  const viewer = requireViewer(ctx);
  const now = ctx.clock.now();
  if (!stepUpValid(viewer.stepUpUsedAt?.getTime() ?? null, now.getTime(), maxAgeSeconds)) {
    const user = await ctx.loaders.user.load(viewer.userId);
    // Without a verified mobile number no code can be sent: say so instead of asking for one.
    if (!user?.phoneVerifiedAt) throw new AppError('PHONE_REQUIRED');
    throw new AppError('STEP_UP_REQUIRED');
  }
  if (!ctx.stepUpTouched) {
    ctx.stepUpTouched = true;
    viewer.stepUpUsedAt = now;
    await ctx.db.manager.update(SessionEntity, { id: viewer.sessionId }, { stepUpUsedAt: now });
  }
}

export async function viewerUser(ctx: Context): Promise<UserEntity> {
  const viewer = requireViewer(ctx);
  const user = await ctx.loaders.user.load(viewer.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}
