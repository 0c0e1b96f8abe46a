import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import type { Context } from '../../core/context';
import { AccessLogEntity, AccessLogHeadEntity } from './access-log.entity';

export const ACCESS_ACTIONS = [
  'DOSSIER_OPENED',
  'CONNECTIONS_OPENED',
  'ACCESS_LOG_OPENED',
  'HELPER_INVITED',
  'INVITATION_REVOKED',
  'INVITATION_ACCEPTED',
  'LEVEL_CHANGED',
  'CONNECTION_REMOVED',
  'CONNECTION_LEFT',
  'PROVIDER_LINKED',
  'PROVIDER_UNLINKED',
  'ACCOUNT_ACTIVATED',
  'ACCOUNT_DEACTIVATED',
  'INVITATION_RESENT',
  'INVITATION_DECLINED',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export interface AccessLogInput {
  accountId: string;
  actorUserId?: string | null;
  actorProviderId?: string | null;
  actorName: string;
  action: AccessAction;
  /** Never content: a level, a provider's name, a period. */
  detail?: string | null;
  basis: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(prevHash: string, e: Omit<AccessLogEntity, 'hash' | 'prevHash' | 'id'> & { id: string }): string {
  const canonical = JSON.stringify([
    prevHash,
    e.id,
    e.accountId,
    e.seq,
    e.at.toISOString(),
    e.actorUserId,
    e.actorProviderId,
    e.actorName,
    e.action,
    e.detail,
    e.basis,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends to the account's chain inside the caller's transaction. Bumping the chain's head row
 * first takes its row lock (MySQL), so concurrent appends to one account queue up instead of
 * forking the chain; the unique (accountId, seq) index is the last line of defence.
 */
export async function appendAccessLog(m: EntityManager, now: Date, input: AccessLogInput): Promise<void> {
  const bumped = await m
    .createQueryBuilder()
    .update(AccessLogHeadEntity)
    .set({ seq: () => 'seq + 1' })
    .where('accountId = :id', { id: input.accountId })
    .execute();
  let seq: number;
  let prevHash: string;
  if (bumped.affected) {
    const head = await m.findOneByOrFail(AccessLogHeadEntity, { accountId: input.accountId });
    seq = head.seq;
    prevHash = head.hash;
  } else {
    // First entry of this account (or a chain from before heads existed).
    const last = await m.findOne(AccessLogEntity, { where: { accountId: input.accountId }, order: { seq: 'DESC' } });
    seq = (last?.seq ?? 0) + 1;
    prevHash = last?.hash ?? GENESIS_HASH;
    await m.insert(AccessLogHeadEntity, { accountId: input.accountId, seq, hash: prevHash });
  }
  const row = {
    id: newId(),
    accountId: input.accountId,
    seq,
    at: now,
    actorUserId: input.actorUserId ?? null,
    actorProviderId: input.actorProviderId ?? null,
    actorName: input.actorName.slice(0, 200),
    action: input.action,
    detail: input.detail?.slice(0, 300) ?? null,
    basis: input.basis,
  };
  const hash = entryHash(prevHash, row);
  await m.insert(AccessLogEntity, { ...row, prevHash, hash });
  await m.update(AccessLogHeadEntity, { accountId: input.accountId }, { hash });
}

const loggedThisRequest = new WeakMap<Context, Set<string>>();

/**
 * For openings (dossier, connections, access log): one entry per account and action per request,
 * however many aliases or nested paths ask, in its own short transaction.
 */
export async function appendAccessLogOncePerRequest(ctx: Context, input: AccessLogInput): Promise<void> {
  const seen = loggedThisRequest.get(ctx) ?? new Set<string>();
  loggedThisRequest.set(ctx, seen);
  const key = `${input.accountId}:${input.action}`;
  if (seen.has(key)) return;
  seen.add(key);
  await ctx.db.tx((m) => appendAccessLog(m, ctx.clock.now(), input));
}

/** Checks one account's chain; returns the seq of the first broken entry, or null when intact. */
export function firstBrokenEntry(rows: AccessLogEntity[]): number | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) {
    if (row.seq !== expectedSeq || row.prevHash !== prev || entryHash(prev, row) !== row.hash) return row.seq;
    prev = row.hash;
    expectedSeq++;
  }
  return null;
}

export interface ChainBreak {
  accountId: string;
  /** The first entry that is changed, missing or out of place. */
  seq: number;
  reason: 'CHANGED_OR_MISSING' | 'TAIL_REMOVED' | 'HEAD_MISSING';
}

/**
 * Checks one account's chain against its head: a changed row or a removed row in the middle
 * breaks the hashes or the seq order; a removed last row no longer matches the head.
 */
export function verifyChain(
  accountId: string,
  rows: AccessLogEntity[],
  head: Pick<AccessLogHeadEntity, 'seq' | 'hash'> | null,
): ChainBreak | null {
  const broken = firstBrokenEntry(rows);
  if (broken !== null) return { accountId, seq: broken, reason: 'CHANGED_OR_MISSING' };
  const last = rows.reduce<AccessLogEntity | null>((a, r) => (a && a.seq > r.seq ? a : r), null);
  if (!head) return last ? { accountId, seq: last.seq, reason: 'HEAD_MISSING' } : null;
  if (!last || last.seq !== head.seq || last.hash !== head.hash) {
    return { accountId, seq: (last?.seq ?? 0) + 1, reason: 'TAIL_REMOVED' };
  }
  return null;
}

/** Verifies every account's chain, one account at a time (no whole-table load). */
export async function verifyAllChains(m: EntityManager): Promise<{ checked: number; broken: ChainBreak[] }> {
  const ids = new Set<string>();
  const fromRows = await m
    .createQueryBuilder(AccessLogEntity, 'e')
    .select('DISTINCT e.accountId', 'accountId')
    .getRawMany<{ accountId: string }>();
  fromRows.forEach((r) => ids.add(r.accountId));
  (await m.find(AccessLogHeadEntity, { select: { accountId: true } })).forEach((h) => ids.add(h.accountId));
  const broken: ChainBreak[] = [];
  for (const accountId of [...ids].sort()) {
    const rows = await m.find(AccessLogEntity, { where: { accountId }, order: { seq: 'ASC' } });
    const head = await m.findOneBy(AccessLogHeadEntity, { accountId });
    const b = verifyChain(accountId, rows, head);
    if (b) broken.push(b);
  }
  return { checked: ids.size, broken };
}
