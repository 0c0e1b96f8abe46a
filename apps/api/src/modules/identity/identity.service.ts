import { passwordProblem } from '@kring/domain/passwords';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { badInput } from '../../core/errors';
import type { Env } from '../../env';
import { UserEntity } from '../accounts/user.entity';
import { enqueueEmail } from '../outbox/outbox';
import { hashPassword } from '../sessions/password-hash';
import { endSessions } from '../sessions/session.service';
import { recordSecurityEvent } from '../sessions/security-log';
import { bucket, eventTimes, recordEvents } from '../sessions/throttle';
import { normalizeEmail } from '../sessions/sign-in';
import { findOpenToken, HOUR_MS, issueToken, useToken, voidTokens } from './tokens';
import { passwordChangedMail, passwordResetMail, verifyEmailMail } from './identity.mails';

/** Reset e-mails per address per hour: enough for a person, too few to flood a mailbox. */
const RESET_MAILS_PER_HOUR = 3;

const PASSWORD_MESSAGES: Record<string, string> = {
  TOO_SHORT: 'Kies een wachtwoord van minstens 8 tekens.',
  TOO_LONG: 'Kies een wachtwoord van hoogstens 128 tekens.',
  TOO_COMMON: 'Dit wachtwoord is te bekend of staat in lijsten van gelekte wachtwoorden. Kies een ander.',
};

/** The password policy (QUALITY.md 1) as a BAD_USER_INPUT with reason TOO_SHORT / TOO_LONG / TOO_COMMON. */
export function assertPasswordAllowed(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem) throw badInput(problem, PASSWORD_MESSAGES[problem] ?? 'Kies een ander wachtwoord.', field);
}

export const invalidToken = () =>
  badInput('INVALID_TOKEN', 'Deze link is niet (meer) geldig. Vraag zo nodig een nieuwe aan.', 'token');

/**
 * Sends the "confirm your e-mail address" link to a new login. Other modules (activation,
 * invitations) call this inside the transaction that created the login.
 */
export async function sendEmailVerification(m: EntityManager, now: Date, env: Pick<Env, 'PUBLIC_WEB_URL'>, user: UserEntity): Promise<void> {
  const token = await issueToken(m, now, { purpose: 'VERIFY_EMAIL', userId: user.id });
  await enqueueEmail(m, now, verifyEmailMail(user.email, user.locale, env.PUBLIC_WEB_URL, token));
}

/**
 * Always true, for known and unknown addresses alike (no enumeration, QUALITY.md 3). A known
 * address gets a single-use link valid for an hour, at most 3 per hour.
 */
export async function requestPasswordReset(ctx: Context, email: string): Promise<boolean> {
  const now = ctx.clock.now();
  const key = normalizeEmail(email).slice(0, 254);
  await ctx.db.tx(async (m) => {
    const user = await m.findOneBy(UserEntity, { email: key });
    // The counter is keyed by the address as typed, so known and unknown addresses do the same work.
    const counter = bucket('reset-mail', key);
    const sent = await eventTimes(m, counter, new Date(now.getTime() - HOUR_MS));
    if (sent.length >= RESET_MAILS_PER_HOUR) return;
    await recordEvents(m, now, [counter]);
    if (!user) return;
    const token = await issueToken(m, now, { purpose: 'PASSWORD_RESET', userId: user.id });
    await enqueueEmail(m, now, passwordResetMail(user.email, user.locale, ctx.env.PUBLIC_WEB_URL, token));
  });
  return true;
}

/**
 * Sets a new password with an e-mailed token: single use, ends every session, tells the user by
 * e-mail, and never opens a session or a step-up (QUALITY.md 5).
 */
export async function resetPassword(ctx: Context, token: string, newPassword: string): Promise<boolean> {
  assertPasswordAllowed(newPassword, 'newPassword');
  // argon2 runs outside the transaction (DESIGN.md: nothing slow inside one on SQLite).
  const passwordHash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  const ok = await ctx.db.tx(async (m) => {
    const row = await findOpenToken(m, ctx.db, now, 'PASSWORD_RESET', token);
    if (!row) return false;
    const user = await m.findOneBy(UserEntity, { id: row.userId });
    if (!user) return false;
    await useToken(m, now, row.id);
    await voidTokens(m, now, user.id, ['PASSWORD_RESET']);
    // The link proves the mailbox, so an unconfirmed address counts as confirmed now.
    await m.update(UserEntity, { id: user.id }, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now });
    await endSessions(m, now, { userId: user.id });
    await recordSecurityEvent(m, now, { userId: user.id, action: 'PASSWORD_RESET', client: ctx.client });
    await enqueueEmail(m, now, passwordChangedMail(user.email, user.locale, ctx.env.PUBLIC_WEB_URL, 'reset'));
    return true;
  });
  if (!ok) throw invalidToken();
  return true;
}

/** Confirms the login's own address, or a pending change of address (User.pendingEmail). */
export async function verifyEmail(ctx: Context, token: string): Promise<boolean> {
  const now = ctx.clock.now();
  const ok = await ctx.db.tx(async (m) => {
    const verify = await findOpenToken(m, ctx.db, now, 'VERIFY_EMAIL', token);
    if (verify) {
      await useToken(m, now, verify.id);
      const user = await m.findOneBy(UserEntity, { id: verify.userId });
      if (!user) return false;
      if (!user.emailVerifiedAt) {
        await m.update(UserEntity, { id: user.id }, { emailVerifiedAt: now });
        await recordSecurityEvent(m, now, { userId: user.id, action: 'EMAIL_VERIFIED', client: ctx.client });
      }
      return true;
    }
    const change = await findOpenToken(m, ctx.db, now, 'CHANGE_EMAIL', token);
    if (!change?.payload) return false;
    const user = await m.findOneBy(UserEntity, { id: change.userId });
    // Only the change still pending counts; a newer request or a cancelled one voids the link.
    if (!user || user.pendingEmail !== change.payload) return false;
    // The address may have been taken since the request: then the link no longer works.
    const taken = await m.findOneBy(UserEntity, { email: change.payload });
    if (taken && taken.id !== user.id) return false;
    await useToken(m, now, change.id);
    await m.update(UserEntity, { id: user.id }, { email: change.payload, pendingEmail: null, emailVerifiedAt: now });
    await recordSecurityEvent(m, now, { userId: user.id, action: 'EMAIL_CHANGED', client: ctx.client });
    return true;
  });
  if (!ok) throw invalidToken();
  return true;
}
