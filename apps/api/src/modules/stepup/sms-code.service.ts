import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { codeLockedUntil, smsWaitMs, STEP_UP_CODE_TTL_MS, STEP_UP_MAX_WRONG_PER_CODE } from '@kring/domain';
import { newId } from '../../db/columns';
import type { Db } from '../../db/data-source';
import { AppError } from '../../core/errors';
import { enqueueSms } from '../outbox/outbox';
import { bucket, clearEvents, eventTimes, recordEvents } from '../sessions/throttle';
import { SmsCodeEntity, type SmsCodePurpose } from './sms-code.entity';

const DAY_MS = 24 * 3600_000;

/** The counters of SMS sends (per user, per destination number, per client address) and wrong entries. */
const smsBuckets = (userId: string, phone: string, ip: string) => ({
  user: bucket('sms-user', userId),
  number: bucket('sms-number', phone),
  address: bucket('sms-ip', ip),
});
const wrongBucket = (userId: string) => bucket('code-wrong', userId);

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

/**
 * Serialises the code work of one user across API processes: the user row is locked for the
 * transaction (MySQL), so that parallel requests cannot both spend the same attempt.
 */
export async function lockUser(m: EntityManager, db: Db, userId: string): Promise<void> {
  await m.query(`SELECT id FROM users WHERE id = ?${db.forUpdate}`, [userId]);
}

export function rateLimited(waitMs: number, message = 'Te veel pogingen. Probeer het later opnieuw.'): AppError {
  return new AppError('RATE_LIMITED', message, { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
}

const SMS_TEXT = {
  STEP_UP: {
    nl: (c: string) => `Je Kring-code is ${c}. Deze code is 10 minuten geldig. Deel hem met niemand.`,
    en: (c: string) => `Your Kring code is ${c}. It is valid for 10 minutes. Do not share it with anyone.`,
  },
  PHONE: {
    nl: (c: string) => `Je Kring-code om dit nummer te bevestigen is ${c}. Deze code is 10 minuten geldig.`,
    en: (c: string) => `Your Kring code to confirm this number is ${c}. It is valid for 10 minutes.`,
  },
} as const;

export interface SendCodeInput {
  userId: string;
  purpose: SmsCodePurpose;
  sessionId: string | null;
  phone: string;
  ip: string;
  locale: string;
}

/**
 * Sends a new 6-digit code by SMS (through the outbox), voiding earlier open codes of the same
 * purpose (and session). Refused while code entry is locked and beyond the send limits
 * (QUALITY.md 7): RATE_LIMITED with retryAfterSeconds. Runs inside the caller's transaction.
 */
export async function sendSmsCode(m: EntityManager, db: Db, now: Date, input: SendCodeInput): Promise<SmsCodeEntity> {
  await lockUser(m, db, input.userId);
  const lockedUntil = codeLockedUntil(await eventTimes(m, wrongBucket(input.userId), new Date(now.getTime() - DAY_MS)), now.getTime());
  if (lockedUntil !== null) throw rateLimited(lockedUntil - now.getTime(), 'Te vaak een verkeerde code. Probeer het over een kwartier opnieuw.');
  const buckets = smsBuckets(input.userId, input.phone, input.ip);
  const since = new Date(now.getTime() - DAY_MS);
  const wait = smsWaitMs(
    {
      user: await eventTimes(m, buckets.user, since),
      number: await eventTimes(m, buckets.number, since),
      address: await eventTimes(m, buckets.address, since),
    },
    now.getTime(),
  );
  if (wait > 0) throw rateLimited(wait, 'Er zijn net al sms-codes verstuurd. Wacht even voor je een nieuwe vraagt.');

  const open = { userId: input.userId, purpose: input.purpose, usedAt: IsNull(), voidedAt: IsNull() };
  await m.update(SmsCodeEntity, input.sessionId ? { ...open, sessionId: input.sessionId } : open, { voidedAt: now });
  const id = newId();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = m.create(SmsCodeEntity, {
    id,
    userId: input.userId,
    purpose: input.purpose,
    sessionId: input.sessionId,
    phoneE164: input.phone,
    codeHash: hashCode(id, code),
    createdAt: now,
    expiresAt: new Date(now.getTime() + STEP_UP_CODE_TTL_MS),
    wrongAttempts: 0,
    usedAt: null,
    voidedAt: null,
  });
  await m.insert(SmsCodeEntity, row);
  const texts = SMS_TEXT[input.purpose];
  await enqueueSms(m, now, {
    kind: input.purpose === 'STEP_UP' ? 'step-up-code' : 'phone-verification-code',
    to: input.phone,
    text: (input.locale === 'en' ? texts.en : texts.nl)(code),
  });
  await recordEvents(m, now, [buckets.user, buckets.number, buckets.address]);
  return row;
}

export type CodeCheck =
  | { ok: true; code: SmsCodeEntity }
  | { ok: false; reason: 'WRONG_CODE' | 'CODE_VOIDED' | 'NO_CODE' }
  | { ok: false; reason: 'LOCKED'; waitMs: number };

/**
 * Checks an entered code against the newest open code of the user for this purpose (and session,
 * and number). Every call counts as an attempt in the database, so that aliases and parallel
 * requests cannot multiply them (QUALITY.md 8); 5 wrong void the code, 10 wrong in a row lock
 * code entry for 15 minutes. Runs inside the caller's transaction, which must commit even when
 * the answer is a refusal, so that the attempt stays counted.
 */
export async function checkSmsCode(
  m: EntityManager,
  db: Db,
  now: Date,
  where: { userId: string; purpose: SmsCodePurpose; sessionId?: string; phone?: string },
  entered: string,
): Promise<CodeCheck> {
  await lockUser(m, db, where.userId);
  const wrongKey = wrongBucket(where.userId);
  const since = new Date(now.getTime() - DAY_MS);
  const lockedUntil = codeLockedUntil(await eventTimes(m, wrongKey, since), now.getTime());
  // While locked the code is not even compared: guessing gains nothing.
  if (lockedUntil !== null) return { ok: false, reason: 'LOCKED', waitMs: lockedUntil - now.getTime() };

  const code = await m.findOne(SmsCodeEntity, {
    where: {
      userId: where.userId,
      purpose: where.purpose,
      usedAt: IsNull(),
      voidedAt: IsNull(),
      expiresAt: MoreThan(now),
      ...(where.sessionId ? { sessionId: where.sessionId } : {}),
      ...(where.phone ? { phoneE164: where.phone } : {}),
    },
    order: { createdAt: 'DESC' },
  });
  const digits = entered.replace(/\s/g, '');
  const matches =
    code !== null && /^\d{6}$/.test(digits) && timingSafeEqual(Buffer.from(hashCode(code.id, digits)), Buffer.from(code.codeHash));
  if (code && matches) {
    await m.update(SmsCodeEntity, { id: code.id }, { usedAt: now });
    await clearEvents(m, wrongKey);
    return { ok: true, code };
  }
  await recordEvents(m, now, [wrongKey]);
  const relock = codeLockedUntil(await eventTimes(m, wrongKey, since), now.getTime());
  let reason: 'WRONG_CODE' | 'CODE_VOIDED' | 'NO_CODE' = 'NO_CODE';
  if (code) {
    const wrongAttempts = code.wrongAttempts + 1;
    const voided = wrongAttempts >= STEP_UP_MAX_WRONG_PER_CODE;
    await m.update(SmsCodeEntity, { id: code.id }, { wrongAttempts, ...(voided ? { voidedAt: now } : {}) });
    reason = voided ? 'CODE_VOIDED' : 'WRONG_CODE';
  }
  if (relock !== null) return { ok: false, reason: 'LOCKED', waitMs: relock - now.getTime() };
  return { ok: false, reason };
}

/** The answer for a refused code, in plain Dutch. */
export function codeError(check: Exclude<CodeCheck, { ok: true }>): AppError {
  switch (check.reason) {
    case 'LOCKED':
      return rateLimited(check.waitMs, 'Te vaak een verkeerde code. Probeer het over een kwartier opnieuw.');
    case 'WRONG_CODE':
      return new AppError('BAD_USER_INPUT', 'Deze code klopt niet. Probeer het nog eens.', { reason: 'WRONG_CODE', field: 'code' });
    case 'CODE_VOIDED':
      return new AppError('BAD_USER_INPUT', 'Deze code klopt niet en is nu ongeldig. Vraag een nieuwe code aan.', {
        reason: 'CODE_VOIDED',
        field: 'code',
      });
    case 'NO_CODE':
      return new AppError('BAD_USER_INPUT', 'Er is geen geldige code (meer). Vraag een nieuwe code aan.', {
        reason: 'CODE_EXPIRED',
        field: 'code',
      });
  }
}
