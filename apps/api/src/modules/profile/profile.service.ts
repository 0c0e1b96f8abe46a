import type { Context } from '../../core/context';
import { AppError, badInput } from '../../core/errors';
import { requireViewer, viewerUser } from '../../core/access';
import { AccountEntity } from '../accounts/account.entity';
import { UserEntity, fullName } from '../accounts/user.entity';
import { enqueueEmail } from '../outbox/outbox';
import { hashPassword, verifyPassword } from '../sessions/password-hash';
import { endSessions } from '../sessions/session.service';
import { recordSecurityEvent } from '../sessions/security-log';
import { assertSignInAllowed, normalizeEmail, recordSignInFailure } from '../sessions/sign-in';
import { assertPasswordAllowed } from '../identity/identity.service';
import { changeEmailMail, emailChangeNoticeMail, passwordChangedMail } from '../identity/identity.mails';
import { issueToken } from '../identity/tokens';
import type { ProfileInput } from './profile.input';

const LOCALES = ['nl', 'en'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function cleanName(value: string, field: 'firstName' | 'lastName'): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (!name) throw badInput('NAME_REQUIRED', field === 'firstName' ? 'Vul je voornaam in.' : 'Vul je achternaam in.', field);
  if ([...name].length > 100) throw badInput('NAME_TOO_LONG', 'Een naam mag hoogstens 100 tekens hebben.', field);
  return name;
}

/**
 * Names and language change at once; a new e-mail address waits in pendingEmail until its link is
 * used. An address that already has a login gets the same answer and no e-mail (no enumeration);
 * the current address is told either way.
 */
export async function updateProfile(ctx: Context, input: ProfileInput): Promise<UserEntity> {
  const viewer = requireViewer(ctx);
  const changes: Partial<UserEntity> = {};
  if (input.firstName != null) changes.firstName = cleanName(input.firstName, 'firstName');
  if (input.lastName != null) changes.lastName = cleanName(input.lastName, 'lastName');
  if (input.locale != null) {
    if (!(LOCALES as readonly string[]).includes(input.locale)) throw badInput('INVALID_LOCALE', 'Kies Nederlands (nl) of Engels (en).', 'locale');
    changes.locale = input.locale;
  }
  let newEmail: string | null = null;
  if (input.email != null) {
    newEmail = normalizeEmail(input.email);
    if (newEmail.length > 254 || !EMAIL.test(newEmail)) throw badInput('INVALID_EMAIL', 'Dit is geen geldig e-mailadres.', 'email');
  }
  const now = ctx.clock.now();
  await ctx.db.tx(async (m) => {
    const user = await m.findOneByOrFail(UserEntity, { id: viewer.userId });
    if (changes.firstName !== undefined || changes.lastName !== undefined) {
      const before = fullName(user);
      const after = fullName({ firstName: changes.firstName ?? user.firstName, lastName: changes.lastName ?? user.lastName });
      // The own account is shown under the person's name, unless it was given another one.
      await m.update(AccountEntity, { ownerUserId: user.id, displayName: before }, { displayName: after });
    }
    if (newEmail !== null) {
      if (newEmail === user.email) changes.pendingEmail = null;
      else if (newEmail !== user.pendingEmail) {
        changes.pendingEmail = newEmail;
        const locale = changes.locale ?? user.locale;
        const token = await issueToken(m, now, { purpose: 'CHANGE_EMAIL', userId: user.id, payload: newEmail });
        const taken = await m.findOneBy(UserEntity, { email: newEmail });
        if (!taken) await enqueueEmail(m, now, changeEmailMail(newEmail, locale, ctx.env.PUBLIC_WEB_URL, token));
        await enqueueEmail(m, now, emailChangeNoticeMail(user.email, locale, ctx.env.PUBLIC_WEB_URL, newEmail));
        await recordSecurityEvent(m, now, { userId: user.id, action: 'EMAIL_CHANGE_REQUESTED', client: ctx.client });
      }
    }
    if (Object.keys(changes).length) await m.update(UserEntity, { id: user.id }, changes);
  });
  ctx.loaders.user.clear(viewer.userId);
  return viewerUser(ctx);
}

/** Checks the viewer's current password, throttled like a sign-in (a stolen session cannot guess it). */
export async function assertCurrentPassword(ctx: Context, user: UserEntity, password: string | null | undefined): Promise<void> {
  if (!password) throw badInput('PASSWORD_REQUIRED', 'Vul je huidige wachtwoord in.', 'currentPassword');
  await assertSignInAllowed(ctx.db.manager, ctx.clock.now(), user.email, ctx.client.ip);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await ctx.db.tx((m) => recordSignInFailure(m, ctx.clock.now(), user.email, ctx.client.ip));
    throw badInput('WRONG_PASSWORD', 'Je huidige wachtwoord klopt niet.', 'currentPassword');
  }
}

/** The current password once, the new one twice; other sessions end and the user is told by e-mail. */
export async function changePassword(ctx: Context, current: string, next: string, repeat: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  if (next !== repeat) throw badInput('PASSWORD_MISMATCH', 'De twee nieuwe wachtwoorden zijn niet gelijk.', 'newPasswordRepeat');
  assertPasswordAllowed(next, 'newPassword');
  const user = await viewerUser(ctx);
  await assertCurrentPassword(ctx, user, current);
  const passwordHash = await hashPassword(next);
  const now = ctx.clock.now();
  await ctx.db.tx(async (m) => {
    const fresh = await m.findOneBy(UserEntity, { id: user.id });
    if (!fresh) throw new AppError('UNAUTHENTICATED');
    await m.update(UserEntity, { id: user.id }, { passwordHash });
    await endSessions(m, now, { userId: user.id, exceptId: viewer.sessionId });
    await recordSecurityEvent(m, now, { userId: user.id, action: 'PASSWORD_CHANGED', client: ctx.client });
    await enqueueEmail(m, now, passwordChangedMail(fresh.email, fresh.locale, ctx.env.PUBLIC_WEB_URL, 'changed'));
  });
  return true;
}
