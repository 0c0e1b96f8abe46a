import { needsRehash } from '@kring/domain/passwords';
import { signInWaitMs, SIGN_IN } from '@kring/domain';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { AppError } from '../../core/errors';
import { UserEntity } from '../accounts/user.entity';
import { hashPassword, verifyPassword } from './password-hash';
import { createSession, type NewSession } from './session.service';
import { recordSecurityEvent } from './security-log';
import { bucket, clearEvents, eventTimes, recordEvents } from './throttle';
import { rateLimited } from '../stepup/sms-code.service';

const WRONG_LOGIN = 'Het e-mailadres of wachtwoord klopt niet.';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * The counters of failed sign-ins, keyed by the e-mail address as typed (hashed), so that an
 * unknown address is throttled exactly like a known one (no enumeration, QUALITY.md 3).
 */
export function signInBuckets(email: string, ip: string) {
  const key = normalizeEmail(email);
  return { pair: bucket('signin-pair', key, ip), account: bucket('signin-account', key), address: bucket('signin-ip', ip) };
}

/** Refuses (RATE_LIMITED) while this e-mail may not be tried from this address (QUALITY.md 2). */
export async function assertSignInAllowed(m: EntityManager, now: Date, email: string, ip: string): Promise<void> {
  const b = signInBuckets(email, ip);
  const since = new Date(now.getTime() - SIGN_IN.windowMs);
  const wait = signInWaitMs(
    {
      pairFailures: await eventTimes(m, b.pair, since),
      accountFailures: await eventTimes(m, b.account, since),
      addressFailures: await eventTimes(m, b.address, since),
    },
    now.getTime(),
  );
  if (wait > 0) throw rateLimited(wait, 'Te veel mislukte pogingen om in te loggen. Wacht even en probeer het dan opnieuw.');
}

export async function recordSignInFailure(m: EntityManager, now: Date, email: string, ip: string): Promise<void> {
  const b = signInBuckets(email, ip);
  await recordEvents(m, now, [b.pair, b.account, b.address]);
}

/** Checks e-mail and password with throttling, re-hashes a weaker stored hash, and opens a session. */
export async function signIn(ctx: Context, email: string, password: string): Promise<{ created: NewSession; user: UserEntity }> {
  const ip = ctx.client.ip;
  await assertSignInAllowed(ctx.db.manager, ctx.clock.now(), email, ip);
  const user = await ctx.db.manager.findOneBy(UserEntity, { email: normalizeEmail(email).slice(0, 254) });
  // The same answer and the same work for an unknown address as for a wrong password (no enumeration).
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await ctx.db.tx((m) => recordSignInFailure(m, ctx.clock.now(), email, ip));
    throw new AppError('UNAUTHENTICATED', WRONG_LOGIN, { reason: 'WRONG_CREDENTIALS' });
  }
  // Weaker (older) hashes are re-hashed now that the password is known (QUALITY.md 1); argon2 runs outside the transaction.
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
  const now = ctx.clock.now();
  const created = await ctx.db.tx(async (m) => {
    await clearEvents(m, signInBuckets(email, ip).pair);
    if (rehashed) await m.update(UserEntity, { id: user.id }, { passwordHash: rehashed });
    await recordSecurityEvent(m, now, { userId: user.id, action: 'SIGNED_IN', client: ctx.client });
    return createSession(m, now, user.id, ctx.client);
  });
  return { created, user };
}
