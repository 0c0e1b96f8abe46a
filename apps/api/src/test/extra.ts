import type { DataSource, Logger } from 'typeorm';
import type { AccessLevel } from '@kring/domain';
import { DEMO_PASSWORD } from '../seed/demo';
import { hashPassword } from '../modules/sessions/password-hash';
import { createUserWithAccount } from '../modules/accounts/user.service';
import type { DemoWorld } from './harness';

/** Sign-in tokens per access level on Sanne's account, plus someone with no connection at all. */
export type Who = AccessLevel | 'OUTSIDER';
export const EVERYONE: Who[] = ['MANAGER', 'TRUST', 'BASIC', 'NONE', 'OUTSIDER'];

export async function tokensByLevel(w: DemoWorld): Promise<Record<Who, string>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const email = `buiten-${Math.random().toString(36).slice(2)}@example.nl`;
  await w.db.tx((m) => createUserWithAccount(m, w.clock.now(), { email, firstName: 'Bram', lastName: 'Buiten', passwordHash, emailVerifiedAt: w.clock.now() }));
  return {
    MANAGER: w.tokens.sanne,
    TRUST: w.tokens.jeroen,
    BASIC: w.tokens.fatima,
    NONE: w.tokens.pieter,
    OUTSIDER: await w.signIn(email),
  };
}

/** Counts SQL statements while `work` runs, by wrapping the DataSource's logger. */
export async function countQueries(ds: DataSource, work: () => Promise<unknown>): Promise<number> {
  const original = ds.logger;
  let count = 0;
  const counting = Object.assign(Object.create(original) as Logger, {
    logQuery: (...args: Parameters<Logger['logQuery']>) => {
      count++;
      original.logQuery(...args);
    },
  });
  (ds as { logger: Logger }).logger = counting;
  try {
    await work();
  } finally {
    (ds as { logger: Logger }).logger = original;
  }
  return count;
}

export const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code ?? null;
