import { IsNull } from 'typeorm';
import { DEMO_PASSWORD } from '../seed/demo';
import { hashPassword } from '../modules/sessions/password-hash';
import { SessionEntity } from '../modules/sessions/session.entity';
import { createUserWithAccount } from '../modules/accounts/user.service';
import { createProvider, issueProviderKey } from '../modules/providers/provider-key.service';
import type { DemoWorld, TestApi } from './harness';

/** A provider with a fresh API key, made directly in the database (as the CLI does). */
export async function makeProvider(api: TestApi, name = 'GGZ Test'): Promise<{ id: string; key: string; keyId: string }> {
  return api.db.tx(async (m) => {
    const p = await createProvider(m, api.clock.now(), { name, contactPhone: '010 000 00 00', contactEmail: 'secretariaat@test.example' });
    const k = await issueProviderKey(m, api.clock.now(), p.id);
    return { id: p.id, key: k.key, keyId: k.id };
  });
}

/** Marks every open session as freshly stepped up (as verifyStepUpCode would). */
export async function stepUpAll(api: TestApi): Promise<void> {
  await api.db.manager.update(SessionEntity, { endedAt: IsNull() }, { stepUpUsedAt: api.clock.now() });
}

export type Who = 'MANAGER' | 'TRUST' | 'BASIC' | 'NONE' | 'OUTSIDER';
export const LEVELS: Who[] = ['MANAGER', 'TRUST', 'BASIC', 'NONE', 'OUTSIDER'];

/** Tokens per level on Sanne's account, plus someone with no connection at all. */
export async function tokensOf(w: DemoWorld): Promise<Record<Who, string>> {
  const email = `buiten-${Math.random().toString(36).slice(2)}@example.nl`;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await w.db.tx((m) => createUserWithAccount(m, w.clock.now(), { email, firstName: 'Bram', lastName: 'Buiten', passwordHash }));
  return { MANAGER: w.tokens.sanne, TRUST: w.tokens.jeroen, BASIC: w.tokens.fatima, NONE: w.tokens.pieter, OUTSIDER: await w.signIn(email) };
}

export const errorCode = (r: { errors?: { extensions?: Record<string, unknown> }[] }): unknown => r.errors?.[0]?.extensions?.code ?? null;
