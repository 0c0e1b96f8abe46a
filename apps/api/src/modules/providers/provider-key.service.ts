import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import type { AppServices, ProviderPrincipal } from '../../core/context';
import { newId } from '../../db/columns';
import { ProviderApiKeyEntity, ProviderEntity } from './provider.entity';

export const hashProviderKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** kp_ + 32 random bytes (256 bits), base64url. Only the hash and a short prefix are stored. */
export function generateProviderKey(): { key: string; prefix: string; keyHash: string } {
  const key = `kp_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 11), keyHash: hashProviderKey(key) };
}

export async function createProvider(
  m: EntityManager,
  now: Date,
  input: { name: string; contactPhone?: string | null; contactEmail?: string | null },
): Promise<ProviderEntity> {
  const name = input.name.trim();
  if (!name) throw new Error('A provider needs a name.');
  const provider = m.create(ProviderEntity, {
    id: newId(),
    name: name.slice(0, 200),
    contactPhone: input.contactPhone?.trim() || null,
    contactEmail: input.contactEmail?.trim() || null,
    createdAt: now,
  });
  await m.insert(ProviderEntity, provider);
  return provider;
}

/** A new key for the provider (rotation: older keys keep working until revoked). The key is returned once. */
export async function issueProviderKey(
  m: EntityManager,
  now: Date,
  providerId: string,
): Promise<{ id: string; key: string; prefix: string }> {
  const { key, prefix, keyHash } = generateProviderKey();
  const id = newId();
  await m.insert(ProviderApiKeyEntity, { id, providerId, prefix, keyHash, createdAt: now, revokedAt: null });
  return { id, key, prefix };
}

/** Revokes by key id or by prefix; returns the keys that were revoked. */
export async function revokeProviderKey(m: EntityManager, now: Date, idOrPrefix: string): Promise<ProviderApiKeyEntity[]> {
  const byId = /^[0-9a-f-]{36}$/i.test(idOrPrefix);
  const rows = byId
    ? await m.findBy(ProviderApiKeyEntity, { id: idOrPrefix, revokedAt: IsNull() })
    : await m.findBy(ProviderApiKeyEntity, { prefix: idOrPrefix.slice(0, 16), revokedAt: IsNull() });
  // A prefix is short: refuse to guess when it matches more than one live key.
  if (rows.length > 1) throw new Error(`Prefix ${idOrPrefix} matches ${rows.length} keys; use the key id.`);
  for (const row of rows) await m.update(ProviderApiKeyEntity, { id: row.id }, { revokedAt: now });
  return rows;
}

/** The provider principal for a bearer key, or null for an unknown or revoked key. */
export async function resolveProviderKey(services: AppServices, key: string): Promise<ProviderPrincipal | null> {
  // Keys are 256-bit random, so a plain SHA-256 lookup is safe (no dictionary to try).
  const row = await services.db.manager.findOneBy(ProviderApiKeyEntity, { keyHash: hashProviderKey(key), revokedAt: IsNull() });
  if (!row) return null;
  const provider = await services.db.manager.findOneBy(ProviderEntity, { id: row.providerId });
  return provider ? { providerId: provider.id, name: provider.name } : null;
}
