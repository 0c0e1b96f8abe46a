import { In } from 'typeorm';
import type { Access, Context } from '../../core/context';
import { AccountEntity, MembershipEntity } from './account.entity';
import { type AccountAccessType, toAccountType, type AccountType } from './account.type';

export async function accountNode(ctx: Context, access: Access): Promise<AccountType> {
  const owner = access.account.ownerUserId ? await ctx.loaders.user.load(access.account.ownerUserId) : null;
  return toAccountType(access, ctx.env.PUBLIC_API_URL, owner?.avatarId);
}

const LEVEL_ORDER = { MANAGER: 0, TRUST: 1, BASIC: 2, NONE: 3 } as const;

/** Own account first, then the accounts this user helps, by name. */
export async function listAccountsOf(ctx: Context, userId: string): Promise<AccountAccessType[]> {
  const m = ctx.db.manager;
  const memberships = await m.findBy(MembershipEntity, { userId });
  const accounts = memberships.length ? await m.findBy(AccountEntity, { id: In(memberships.map((x) => x.accountId)) }) : [];
  const rows: AccountAccessType[] = [];
  for (const ms of memberships) {
    const account = accounts.find((a) => a.id === ms.accountId);
    if (!account) continue;
    if (account.status === 'CLOSED' && ms.level !== 'MANAGER') continue;
    const access: Access = { account, level: ms.level, status: account.status };
    ctx.loaders.access.prime(account.id, access);
    rows.push({ account: await accountNode(ctx, access), level: ms.level, own: account.ownerUserId === userId });
  }
  return rows.sort(
    (a, b) =>
      Number(b.own) - Number(a.own) ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.account.displayName.localeCompare(b.account.displayName, 'nl'),
  );
}
