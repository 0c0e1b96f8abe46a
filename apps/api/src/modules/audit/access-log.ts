import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { AccessLogEntity } from './access-log.entity';

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
 * Appends to the account's chain inside the caller's transaction. The unique
 * (accountId, seq) index makes two concurrent appends collide instead of forking
 * the chain; the transaction retry then appends after the winner.
 */
export async function appendAccessLog(m: EntityManager, now: Date, input: AccessLogInput): Promise<void> {
  const last = await m.findOne(AccessLogEntity, { where: { accountId: input.accountId }, order: { seq: 'DESC' } });
  const row = {
    id: newId(),
    accountId: input.accountId,
    seq: (last?.seq ?? 0) + 1,
    at: now,
    actorUserId: input.actorUserId ?? null,
    actorProviderId: input.actorProviderId ?? null,
    actorName: input.actorName.slice(0, 200),
    action: input.action,
    detail: input.detail?.slice(0, 300) ?? null,
    basis: input.basis,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await m.insert(AccessLogEntity, { ...row, prevHash, hash: entryHash(prevHash, row) });
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
