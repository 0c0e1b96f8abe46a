import type { Context } from '../../core/context';
import { viewerUser } from '../../core/access';
import { badInput } from '../../core/errors';
import type { AccountType } from '../accounts/account.type';
import { fullName } from '../accounts/user.entity';
import { AccessLogEntity } from './access-log.entity';
import { appendAccessLogOncePerRequest } from './access-log';
import type { AccessLogPageType } from './access-log.type';

export interface AccessLogQuery {
  first: number;
  after: string | null | undefined;
  from: Date | null | undefined;
  to: Date | null | undefined;
}

/** Newest first, paged by seq; opening it is itself logged (once per request). */
export async function readAccessLog(ctx: Context, account: AccountType, q: AccessLogQuery): Promise<AccessLogPageType> {
  if (!Number.isInteger(q.first) || q.first < 1 || q.first > 100) throw badInput('INVALID_FIRST', 'Kies 1 tot 100.', 'first');
  const after = q.after === null || q.after === undefined ? null : Number(q.after);
  if (after !== null && (!Number.isInteger(after) || after < 1)) throw badInput('INVALID_CURSOR', 'Ongeldige cursor.', 'after');
  const viewer = await viewerUser(ctx);
  await appendAccessLogOncePerRequest(ctx, {
    accountId: account.id,
    actorUserId: viewer.id,
    actorName: fullName(viewer),
    action: 'ACCESS_LOG_OPENED',
    basis: account.level,
  });
  const qb = ctx.db.manager
    .createQueryBuilder(AccessLogEntity, 'e')
    .where('e.accountId = :accountId', { accountId: account.id })
    .orderBy('e.seq', 'DESC')
    .take(q.first + 1);
  if (after !== null) qb.andWhere('e.seq < :after', { after });
  if (q.from) qb.andWhere('e.at >= :from', { from: q.from });
  if (q.to) qb.andWhere('e.at < :to', { to: q.to });
  const rows = await qb.getMany();
  const page = rows.slice(0, q.first);
  return {
    nodes: page.map((r) => ({ id: r.id, at: r.at, actorName: r.actorName, action: r.action, detail: r.detail })),
    nextCursor: rows.length > q.first ? String(page[page.length - 1].seq) : null,
  };
}
