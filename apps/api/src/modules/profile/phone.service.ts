import { normalizePhone } from '@kring/domain';
import type { Context } from '../../core/context';
import { badInput, type AppError } from '../../core/errors';
import { requireViewer, viewerUser } from '../../core/access';
import { UserEntity } from '../accounts/user.entity';
import { maskPhone, type PhoneNumberType } from '../accounts/account.type';
import { enqueueEmail } from '../outbox/outbox';
import { recordSecurityEvent } from '../sessions/security-log';
import { bucket, eventTimes, recordEvents } from '../sessions/throttle';
import { checkSmsCode, codeError, lockUser, rateLimited, sendSmsCode } from '../stepup/sms-code.service';
import { findOpenToken, HOUR_MS, issueToken, voidTokens } from '../identity/tokens';
import { invalidToken } from '../identity/identity.service';
import { assertCurrentPassword } from './profile.service';
import { phoneChangedMail, phoneLinkMail } from './profile.mails';

const PHONE_LINKS_PER_HOUR = 5;

/** The number waiting for its SMS code: a replacement of a verified one, or a first, unverified one. */
export const pendingPhoneOf = (u: UserEntity): string | null => u.pendingPhoneE164 ?? (u.phoneVerifiedAt ? null : u.phoneE164);

const phoneType = (e164: string, verified: boolean, hidden: boolean): PhoneNumberType => ({ masked: maskPhone(e164), verified, hidden });

/**
 * Stores a number unverified and e-mails a link with a "stuur code" button. A verified number
 * stays in use until the new one is confirmed, and replacing it needs the password (QUALITY.md 10).
 */
export async function setPhoneNumber(ctx: Context, number: string, currentPassword: string | null): Promise<PhoneNumberType> {
  requireViewer(ctx);
  const phone = normalizePhone(number);
  if (!phone) throw badInput('INVALID_PHONE', 'Dit is geen geldig mobiel nummer. Schrijf het bijvoorbeeld als 06 12 34 56 78.', 'number');
  const user = await viewerUser(ctx);
  const replacing = user.phoneE164 !== null && user.phoneVerifiedAt !== null;
  if (replacing && user.phoneE164 === phone) {
    // The verified number again: nothing to confirm; a pending replacement is dropped.
    if (user.pendingPhoneE164) await ctx.db.manager.update(UserEntity, { id: user.id }, { pendingPhoneE164: null });
    return phoneType(phone, true, user.phoneHidden);
  }
  if (replacing) await assertCurrentPassword(ctx, user, currentPassword);
  const now = ctx.clock.now();
  await ctx.db.tx(async (m) => {
    const counter = bucket('phone-link', user.id);
    const sent = await eventTimes(m, counter, new Date(now.getTime() - HOUR_MS));
    if (sent.length >= PHONE_LINKS_PER_HOUR) throw rateLimited(sent[0]! + HOUR_MS - now.getTime());
    await recordEvents(m, now, [counter]);
    await m.update(
      UserEntity,
      { id: user.id },
      replacing ? { pendingPhoneE164: phone } : { phoneE164: phone, phoneVerifiedAt: null, pendingPhoneE164: null },
    );
    const token = await issueToken(m, now, { purpose: 'VERIFY_PHONE', userId: user.id, payload: phone });
    await enqueueEmail(m, now, phoneLinkMail(user.email, user.locale, ctx.env.PUBLIC_WEB_URL, token, phone));
  });
  ctx.loaders.user.clear(user.id);
  return phoneType(phone, false, user.phoneHidden);
}

/** From the e-mailed link (signed in or not): sends the SMS code to the number waiting for it. */
export async function sendPhoneVerificationCode(ctx: Context, token: string): Promise<boolean> {
  const now = ctx.clock.now();
  await ctx.db.tx(async (m) => {
    const row = await findOpenToken(m, ctx.db, now, 'VERIFY_PHONE', token);
    const user = row ? await m.findOneBy(UserEntity, { id: row.userId }) : null;
    // A link for a number that is no longer the one waiting (replaced or confirmed) no longer works.
    if (!row || !user || !row.payload || pendingPhoneOf(user) !== row.payload) throw invalidToken();
    await sendSmsCode(m, ctx.db, now, { userId: user.id, purpose: 'PHONE', sessionId: null, phone: row.payload, ip: ctx.client.ip, locale: user.locale });
  });
  return true;
}

/** "Bevestig met code": the number waiting becomes the verified one; a replaced number is reported by e-mail. */
export async function confirmPhoneNumber(ctx: Context, code: string): Promise<PhoneNumberType> {
  const viewer = requireViewer(ctx);
  const now = ctx.clock.now();
  const result: { error: AppError } | { phone: PhoneNumberType } = await ctx.db.tx(async (m) => {
    await lockUser(m, ctx.db, viewer.userId);
    const user = await m.findOneByOrFail(UserEntity, { id: viewer.userId });
    const pending = pendingPhoneOf(user);
    if (!pending) return { error: badInput('NO_PENDING_PHONE', 'Er wacht geen nummer op bevestiging. Vul eerst je mobiele nummer in.', 'code') };
    const check = await checkSmsCode(m, ctx.db, now, { userId: user.id, purpose: 'PHONE', phone: pending }, code);
    if (!check.ok) return { error: codeError(check) };
    const replaced = user.pendingPhoneE164 && user.phoneE164 && user.phoneVerifiedAt ? user.phoneE164 : null;
    await m.update(UserEntity, { id: user.id }, { phoneE164: pending, phoneVerifiedAt: now, pendingPhoneE164: null });
    await voidTokens(m, now, user.id, ['VERIFY_PHONE']);
    await recordSecurityEvent(m, now, { userId: user.id, action: 'PHONE_CHANGED', client: ctx.client });
    if (replaced) await enqueueEmail(m, now, phoneChangedMail(user.email, user.locale, ctx.env.PUBLIC_WEB_URL, replaced, pending));
    return { phone: phoneType(pending, true, user.phoneHidden) };
  });
  // The transaction committed either way, so a wrong code stays counted.
  if ('error' in result) throw result.error;
  ctx.loaders.user.clear(viewer.userId);
  return result.phone;
}

export async function setPhoneHidden(ctx: Context, hidden: boolean): Promise<PhoneNumberType> {
  const user = await viewerUser(ctx);
  if (!user.phoneE164) throw badInput('NO_PHONE', 'Vul eerst je mobiele nummer in.', 'hidden');
  await ctx.db.manager.update(UserEntity, { id: user.id }, { phoneHidden: hidden });
  ctx.loaders.user.clear(user.id);
  return phoneType(user.phoneE164, user.phoneVerifiedAt !== null, hidden);
}
