import { In, LessThanOrEqual } from 'typeorm';
import type { AppServices, Context } from '../../core/context';
import { viewerUser } from '../../core/access';
import { AppError } from '../../core/errors';
import { AccountEntity, MembershipEntity } from '../accounts/account.entity';
import { UserEntity, fullName } from '../accounts/user.entity';
import { addMembership, createAccount } from '../accounts/user.service';
import { appendAccessLog } from '../audit/access-log';
import { enqueueEmail } from '../outbox/outbox';
import { endProviderLinks } from '../providers/patient.service';
import { ProviderEntity } from '../providers/provider.entity';
import { accessEndedMail, localeOf } from './connection.mails';
import { InvitationEntity } from './invitation.entity';
import { ACCOUNT_PURGERS, CLOSED_RETENTION_MS, membershipEnded, purgeAccountRows } from './purge';

/**
 * Ontkoppelen: the account is CLOSED; connections and provider links end at once; pending
 * invitations are revoked; the former manager keeps read access for 30 days (rightsOf(…, 'CLOSED')).
 */
export async function deactivateAccount(ctx: Context, accountId: string): Promise<boolean> {
  const manager = await viewerUser(ctx);
  const now = ctx.clock.now();
  await ctx.db.tx(async (m) => {
    const account = await m.findOneBy(AccountEntity, { id: accountId });
    if (!account) throw new AppError('NOT_FOUND');
    if (account.status !== 'ACTIVE') throw new AppError('FORBIDDEN');
    await m.update(AccountEntity, { id: accountId }, { status: 'CLOSED', closedAt: now });
    const log = (action: 'ACCOUNT_DEACTIVATED' | 'PROVIDER_UNLINKED' | 'CONNECTION_REMOVED', detail: string | null) =>
      appendAccessLog(m, now, { accountId, actorUserId: manager.id, actorName: fullName(manager), action, detail, basis: 'MANAGER' });
    await log('ACCOUNT_DEACTIVATED', null);

    const helpers = (await m.findBy(MembershipEntity, { accountId })).filter((ms) => ms.level !== 'MANAGER');
    const users = helpers.length ? await m.findBy(UserEntity, { id: In(helpers.map((h) => h.userId)) }) : [];
    for (const ms of helpers) {
      await m.delete(MembershipEntity, { id: ms.id });
      await membershipEnded(m, now, { accountId, userId: ms.userId });
      const helper = users.find((u) => u.id === ms.userId);
      if (!helper) continue;
      await log('CONNECTION_REMOVED', `${fullName(helper)} (${ms.level})`);
      const mail = accessEndedMail(localeOf(helper.locale), {
        accountName: account.displayName,
        why: 'DEACTIVATED',
        url: ctx.env.PUBLIC_WEB_URL,
      });
      await enqueueEmail(m, now, { kind: 'connection-ended', to: helper.email, ...mail });
    }
    await m.update(InvitationEntity, { accountId, status: 'PENDING' }, { status: 'REVOKED', claimTokenHash: null });

    const unlinked = await endProviderLinks(m, now, accountId);
    const providers = unlinked.length
      ? await m.findBy(ProviderEntity, { id: In([...new Set(unlinked.map((r) => r.providerId))]) })
      : [];
    for (const record of unlinked) {
      await log('PROVIDER_UNLINKED', providers.find((p) => p.id === record.providerId)?.name ?? null);
    }
  });
  return true;
}

/**
 * Deletes closed accounts whose 30 days are over: every module's rows keyed by the account
 * (ACCOUNT_PURGERS), invitations, memberships and the account itself. The access log stays:
 * it holds no content and NEN 7513 asks that it be kept. A login whose own account this was
 * gets a fresh, empty own account, so that every user keeps one (DESIGN.md).
 */
export async function purgeClosedAccounts(services: AppServices): Promise<number> {
  const now = services.clock.now();
  const due = await services.db.manager.find(AccountEntity, {
    where: { status: 'CLOSED', closedAt: LessThanOrEqual(new Date(now.getTime() - CLOSED_RETENTION_MS)) },
    take: 100,
  });
  for (const account of due) {
    await services.db.tx(async (m) => {
      for (const purge of ACCOUNT_PURGERS) await purge(m, account.id);
      await purgeAccountRows(m, account.id);
      await m.delete(InvitationEntity, { accountId: account.id });
      await m.delete(MembershipEntity, { accountId: account.id });
      await m.delete(AccountEntity, { id: account.id });
      const owner = account.ownerUserId ? await m.findOneBy(UserEntity, { id: account.ownerUserId }) : null;
      if (owner && !(await m.existsBy(AccountEntity, { ownerUserId: owner.id }))) {
        const fresh = await createAccount(m, now, { displayName: fullName(owner), ownerUserId: owner.id });
        await addMembership(m, now, fresh.id, owner.id, 'MANAGER');
      }
    });
  }
  return due.length;
}
