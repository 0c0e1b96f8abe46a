import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import type { Db } from '../../db/data-source';
import { IdentityTokenEntity, type IdentityTokenPurpose } from './identity-token.entity';

export const HOUR_MS = 3600_000;
/** How long each kind of link is valid. */
export const TOKEN_TTL_MS: Record<IdentityTokenPurpose, number> = {
  PASSWORD_RESET: HOUR_MS,
  VERIFY_EMAIL: 7 * 24 * HOUR_MS,
  CHANGE_EMAIL: 24 * HOUR_MS,
  VERIFY_PHONE: 24 * HOUR_MS,
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issues a link token: 256 random bits (QUALITY.md 5 asks ≥ 128), only its hash stored.
 * Earlier open tokens of the same purpose for the user are voided, so only the newest link works.
 */
export async function issueToken(
  m: EntityManager,
  now: Date,
  input: { purpose: IdentityTokenPurpose; userId: string; payload?: string | null },
): Promise<string> {
  await m.update(IdentityTokenEntity, { userId: input.userId, purpose: input.purpose, usedAt: IsNull() }, { usedAt: now });
  const token = randomBytes(32).toString('base64url');
  await m.insert(IdentityTokenEntity, {
    id: newId(),
    purpose: input.purpose,
    userId: input.userId,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[input.purpose]),
    usedAt: null,
    payload: input.payload ?? null,
  });
  return token;
}

/** The open, unexpired token of this purpose, locked for the transaction (MySQL); null otherwise. */
export async function findOpenToken(
  m: EntityManager,
  db: Db,
  now: Date,
  purpose: IdentityTokenPurpose,
  token: string,
): Promise<IdentityTokenEntity | null> {
  if (!token || token.length > 100) return null;
  const rows = (await m.query(`SELECT id FROM identity_tokens WHERE tokenHash = ?${db.forUpdate}`, [hashToken(token)])) as { id: string }[];
  if (!rows[0]) return null;
  const row = await m.findOneBy(IdentityTokenEntity, { id: rows[0].id });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  return row;
}

export async function useToken(m: EntityManager, now: Date, id: string): Promise<void> {
  await m.update(IdentityTokenEntity, { id }, { usedAt: now });
}

/** Voids every open token of these purposes for the user (e.g. after a password reset). */
export async function voidTokens(m: EntityManager, now: Date, userId: string, purposes: IdentityTokenPurpose[]): Promise<void> {
  for (const purpose of purposes) await m.update(IdentityTokenEntity, { userId, purpose, usedAt: IsNull() }, { usedAt: now });
}
