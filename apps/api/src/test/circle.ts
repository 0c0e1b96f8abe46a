import type { AccessLevel } from '@kring/domain';
import { DEMO_PASSWORD } from '../seed/demo';
import { hashPassword } from '../modules/sessions/password-hash';
import { addMembership, createUserWithAccount } from '../modules/accounts/user.service';
import { MembershipEntity } from '../modules/accounts/account.entity';
import { UserEntity } from '../modules/accounts/user.entity';
import type { DemoWorld, GqlResult } from './harness';

/** Who asks, on Sanne's account: each access level, and someone with no connection at all. */
export type Who = AccessLevel | 'OUTSIDER';
export const LEVELS_AND_OUTSIDER: Who[] = ['MANAGER', 'TRUST', 'BASIC', 'NONE', 'OUTSIDER'];

let counter = 0;

/** A new login with its own account and no connection to Sanne; returns its token and ids. */
export async function newPerson(
  w: DemoWorld,
  name = 'Bram',
): Promise<{ token: string; userId: string; accountId: string; email: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const email = `${name.toLowerCase()}-${++counter}-${Date.now()}@example.nl`;
  const { user, account } = await w.db.tx((m) =>
    createUserWithAccount(m, w.clock.now(), { email, firstName: name, lastName: 'Buiten', passwordHash, emailVerifiedAt: w.clock.now() }),
  );
  return { token: await w.signIn(email), userId: user.id, accountId: account.id, email };
}

/** Sign-in tokens per level on Sanne's account, every session stepped up (so only the right decides). */
export async function tokensByLevel(w: DemoWorld): Promise<Record<Who, string>> {
  const outsider = await newPerson(w);
  const tokens: Record<Who, string> = {
    MANAGER: w.tokens.sanne,
    TRUST: w.tokens.jeroen,
    BASIC: w.tokens.fatima,
    NONE: w.tokens.pieter,
    OUTSIDER: outsider.token,
  };
  for (const t of Object.values(tokens)) await w.stepUp(t);
  return tokens;
}

export async function membershipOf(w: DemoWorld, email: string, accountId: string): Promise<MembershipEntity> {
  const user = await w.db.manager.findOneByOrFail(UserEntity, { email });
  return w.db.manager.findOneByOrFail(MembershipEntity, { userId: user.id, accountId });
}

export async function connect(w: DemoWorld, accountId: string, userId: string, level: AccessLevel): Promise<MembershipEntity> {
  return w.db.tx((m) => addMembership(m, w.clock.now(), accountId, userId, level));
}

export const codeOf = (r: GqlResult): unknown => r.errors?.[0]?.extensions?.code;
export const reasonOf = (r: GqlResult): unknown => r.errors?.[0]?.extensions?.reason;
