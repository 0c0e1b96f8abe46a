import type { EntityManager } from 'typeorm';
import type { AccessLevel } from '@kring/domain';
import type { Context } from '../../core/context';
import { viewerUser } from '../../core/access';
import { AppError, badInput } from '../../core/errors';
import { AccountEntity, MembershipEntity } from '../accounts/account.entity';
import { UserEntity, fullName } from '../accounts/user.entity';
import { toPerson } from '../accounts/account.type';
import { appendAccessLog, appendAccessLogOncePerRequest } from '../audit/access-log';
import { enqueueEmail } from '../outbox/outbox';
import { accessEndedMail, circleChangedMail, levelChangedMail, localeOf } from './connection.mails';
import { membershipEnded } from './purge';
import type { ConnectionType } from './connection.type';

/** Levels a manager can give a connection; MANAGER changes only by deactivating (DESIGN.md). */
export const ASSIGNABLE_LEVELS: readonly AccessLevel[] = ['TRUST', 'BASIC', 'NONE'];

async function toConnection(ctx: Context, ms: MembershipEntity): Promise<ConnectionType | null> {
  const user = await ctx.loaders.user.load(ms.userId);
  if (!user) return null;
  return { id: ms.id, person: toPerson(user, ctx.env.PUBLIC_API_URL), level: ms.level, since: ms.createdAt };
}

/** Every connection of the account except the viewer's own; opening it is logged once per request. */
export async function listConnections(ctx: Context, accountId: string, basis: AccessLevel): Promise<ConnectionType[]> {
  const viewer = await viewerUser(ctx);
  const rows = await ctx.db.manager.find(MembershipEntity, { where: { accountId }, order: { createdAt: 'ASC' } });
  const others = rows.filter((ms) => ms.userId !== viewer.id);
  await appendAccessLogOncePerRequest(ctx, {
    accountId,
    actorUserId: viewer.id,
    actorName: fullName(viewer),
    action: 'CONNECTIONS_OPENED',
    basis,
  });
  const list = await Promise.all(others.map((ms) => toConnection(ctx, ms)));
  return list.filter((c): c is ConnectionType => c !== null);
}

/** The membership behind a connection id, read again inside the transaction. */
async function connectionIn(m: EntityManager, connectionId: string): Promise<{ ms: MembershipEntity; account: AccountEntity }> {
  const ms = await m.findOneBy(MembershipEntity, { id: connectionId });
  const account = ms ? await m.findOneBy(AccountEntity, { id: ms.accountId }) : null;
  if (!ms || !account) throw new AppError('NOT_FOUND');
  return { ms, account };
}

export async function setConnectionLevel(ctx: Context, connectionId: string, level: AccessLevel): Promise<ConnectionType> {
  if (!ASSIGNABLE_LEVELS.includes(level)) {
    throw badInput('INVALID_LEVEL', 'Kies vertrouwensgroep, basisrechten of geen inzage.', 'level');
  }
  const manager = await viewerUser(ctx);
  const now = ctx.clock.now();
  const ms = await ctx.db.tx(async (m) => {
    const { ms, account } = await connectionIn(m, connectionId);
    // The one MANAGER is the viewer themself (only a manager holds MANAGE_CONNECTIONS).
    if (ms.level === 'MANAGER') {
      throw badInput('CANNOT_CHANGE_MANAGER', 'Je kunt je eigen rechten als beheerder niet wijzigen.', 'connectionId');
    }
    if (ms.level === level) return ms;
    const before = ms.level;
    await m.update(MembershipEntity, { id: ms.id }, { level });
    const helper = await m.findOneByOrFail(UserEntity, { id: ms.userId });
    await appendAccessLog(m, now, {
      accountId: account.id,
      actorUserId: manager.id,
      actorName: fullName(manager),
      action: 'LEVEL_CHANGED',
      detail: `${fullName(helper)}: ${before} → ${level}`,
      basis: 'MANAGER',
    });
    const mail = levelChangedMail(localeOf(helper.locale), {
      manager: fullName(manager),
      accountName: account.displayName,
      level,
      url: ctx.env.PUBLIC_WEB_URL,
    });
    await enqueueEmail(m, now, { kind: 'connection-level-changed', to: helper.email, ...mail });
    return { ...ms, level };
  });
  const connection = await toConnection(ctx, ms);
  if (!connection) throw new AppError('NOT_FOUND');
  return connection;
}

export async function removeConnection(ctx: Context, connectionId: string): Promise<boolean> {
  const manager = await viewerUser(ctx);
  const now = ctx.clock.now();
  await ctx.db.tx(async (m) => {
    const { ms, account } = await connectionIn(m, connectionId);
    if (ms.level === 'MANAGER') {
      throw badInput('CANNOT_REMOVE_MANAGER', 'Je kunt jezelf als beheerder niet verwijderen.', 'connectionId');
    }
    await m.delete(MembershipEntity, { id: ms.id });
    await membershipEnded(m, now, { accountId: account.id, userId: ms.userId });
    const helper = await m.findOneByOrFail(UserEntity, { id: ms.userId });
    await appendAccessLog(m, now, {
      accountId: account.id,
      actorUserId: manager.id,
      actorName: fullName(manager),
      action: 'CONNECTION_REMOVED',
      detail: `${fullName(helper)} (${ms.level})`,
      basis: 'MANAGER',
    });
    const mail = accessEndedMail(localeOf(helper.locale), {
      accountName: account.displayName,
      why: 'REMOVED',
      url: ctx.env.PUBLIC_WEB_URL,
    });
    await enqueueEmail(m, now, { kind: 'connection-removed', to: helper.email, ...mail });
  });
  return true;
}

/** A helper leaves someone's circle; the manager is told. The manager cannot leave their own account. */
export async function leaveAccount(ctx: Context, accountId: string): Promise<boolean> {
  const helper = await viewerUser(ctx);
  const now = ctx.clock.now();
  await ctx.db.tx(async (m) => {
    const ms = await m.findOneBy(MembershipEntity, { accountId, userId: helper.id });
    const account = ms ? await m.findOneBy(AccountEntity, { id: accountId }) : null;
    // No connection: NOT_FOUND, exactly as for an unknown account.
    if (!ms || !account) throw new AppError('NOT_FOUND');
    if (ms.level === 'MANAGER') {
      throw badInput('MANAGER_CANNOT_LEAVE', 'Als beheerder kun je je eigen account niet verlaten. Je kunt het wel opheffen.', 'accountId');
    }
    await m.delete(MembershipEntity, { id: ms.id });
    await membershipEnded(m, now, { accountId, userId: helper.id });
    await appendAccessLog(m, now, {
      accountId,
      actorUserId: helper.id,
      actorName: fullName(helper),
      action: 'CONNECTION_LEFT',
      detail: `${fullName(helper)} (${ms.level})`,
      basis: ms.level,
    });
    const managers = await m.findBy(MembershipEntity, { accountId, level: 'MANAGER' });
    for (const mm of managers) {
      const manager = await m.findOneBy(UserEntity, { id: mm.userId });
      if (!manager) continue;
      const mail = circleChangedMail(localeOf(manager.locale), {
        helper: fullName(helper),
        accountName: account.displayName,
        what: 'LEFT',
        url: `${ctx.env.PUBLIC_WEB_URL}/connecties`,
      });
      await enqueueEmail(m, now, { kind: 'connection-left', to: manager.email, ...mail });
    }
  });
  return true;
}
