import { MoreThan, LessThan, type EntityManager } from 'typeorm';
import { LETTER_MAX_WRONG_TRIES, letterState, normalizeBirthDate, normalizeLetterCode } from '@kring/domain';
import type { AppServices } from '../../core/context';
import { AppError } from '../../core/errors';
import { newId } from '../../db/columns';
import { AccountEntity } from '../accounts/account.entity';
import { addMembership, createAccount } from '../accounts/user.service';
import { appendAccessLog } from '../audit/access-log';
import { PatientRecordEntity, activeAccountOf } from '../providers/patient-record.entity';
import { ProviderEntity } from '../providers/provider.entity';
import { linkRecord } from '../providers/patient.service';
import { ActivationAttemptEntity, ActivationLetterEntity } from './activation-letter.entity';
import { hashLetterCode } from './letter.service';

/** Failed tries per client address per hour before that address must wait (wrong codes cannot be tied to a letter). */
export const ADDRESS_MAX_FAILURES_PER_HOUR = 20;
const HOUR = 60 * 60 * 1000;

export type RedeemFailure = 'WRONG' | 'EXPIRED' | 'USED' | 'ALREADY_ACTIVE' | 'THROTTLED';
export type Redeemed =
  | { ok: true; letter: ActivationLetterEntity; record: PatientRecordEntity; provider: ProviderEntity }
  | { ok: false; failure: RedeemFailure };

/** Forgets failed tries older than the throttle window (worker job, hourly). */
export async function purgeActivationAttempts(services: AppServices): Promise<number> {
  const cutoff = new Date(services.clock.now().getTime() - HOUR);
  const result = await services.db.tx((m) => m.delete(ActivationAttemptEntity, { at: LessThan(cutoff) }));
  return result.affected ?? 0;
}

async function recordFailure(m: EntityManager, now: Date, ip: string): Promise<void> {
  await m.delete(ActivationAttemptEntity, { ip: ip.slice(0, 64), at: LessThan(new Date(now.getTime() - HOUR)) });
  await m.insert(ActivationAttemptEntity, { id: newId(), ip: ip.slice(0, 64), at: now });
}

/**
 * Checks a code and birth date inside the caller's transaction. Failures are
 * returned, not thrown, so that the caller commits the counters before answering.
 * A wrong birth date counts against the letter (5 void it); every failure counts
 * against the client address. The answer never says which part was wrong.
 */
export async function redeemCode(
  m: EntityManager,
  now: Date,
  input: { code: string; birthDate: string; ip: string },
): Promise<Redeemed> {
  const recent = await m.count(ActivationAttemptEntity, { where: { ip: input.ip.slice(0, 64), at: MoreThan(new Date(now.getTime() - HOUR)) } });
  if (recent >= ADDRESS_MAX_FAILURES_PER_HOUR) return { ok: false, failure: 'THROTTLED' };
  const fail = async (failure: RedeemFailure): Promise<Redeemed> => {
    await recordFailure(m, now, input.ip);
    return { ok: false, failure };
  };
  const code = normalizeLetterCode(input.code);
  const birthDate = normalizeBirthDate(input.birthDate);
  if (!code) return fail('WRONG');
  const letter = await m.findOneBy(ActivationLetterEntity, { codeHash: hashLetterCode(code) });
  if (!letter) return fail('WRONG');
  const record = await m.findOneByOrFail(PatientRecordEntity, { id: letter.patientRecordId });
  const state = letterState(
    { usedAt: letter.usedAt?.getTime() ?? null, voidedAt: letter.voidedAt?.getTime() ?? null, expiresAt: letter.expiresAt.getTime() },
    now.getTime(),
  );
  // A voided letter answers like a wrong code, so that trying on after the 5th miss learns nothing.
  if (state === 'VOIDED') return fail('WRONG');
  if (record.birthDate !== birthDate) {
    const wrongTries = letter.wrongTries + 1;
    await m.update(
      ActivationLetterEntity,
      { id: letter.id },
      { wrongTries, ...(wrongTries >= LETTER_MAX_WRONG_TRIES ? { voidedAt: now } : {}) },
    );
    return fail('WRONG');
  }
  // Only with both the code and the birth date right does the answer say more.
  if (state === 'USED') return { ok: false, failure: 'USED' };
  if (state === 'EXPIRED') return { ok: false, failure: 'EXPIRED' };
  if (activeAccountOf(record)) return { ok: false, failure: 'ALREADY_ACTIVE' };
  const provider = await m.findOneByOrFail(ProviderEntity, { id: record.providerId });
  return { ok: true, letter, record, provider };
}

export function redeemError(failure: RedeemFailure): AppError {
  switch (failure) {
    case 'WRONG':
      return new AppError('BAD_USER_INPUT', 'De code of de geboortedatum klopt niet. Controleer beide en probeer het opnieuw.', {
        reason: 'CODE_OR_BIRTH_DATE_WRONG',
      });
    case 'EXPIRED':
      return new AppError('BAD_USER_INPUT', 'Deze code is verlopen. Vraag je zorgaanbieder om een nieuwe brief.', { reason: 'LETTER_EXPIRED' });
    case 'USED':
      return new AppError('BAD_USER_INPUT', 'Deze code is al gebruikt. Vraag je zorgaanbieder om een nieuwe brief.', { reason: 'LETTER_USED' });
    case 'ALREADY_ACTIVE':
      return new AppError('BAD_USER_INPUT', 'Voor deze gegevens is al een account actief.', { reason: 'ALREADY_ACTIVATED' });
    case 'THROTTLED':
      return new AppError('RATE_LIMITED', 'Te veel pogingen vanaf dit adres. Probeer het over een uur opnieuw.', {
        reason: 'TOO_MANY_TRIES',
        retryAfterSeconds: 3600,
      });
  }
}

/** Marks the letter used and links its record to the account, with both events in the account's access log. */
export async function completeRedemption(
  m: EntityManager,
  now: Date,
  redeemed: Extract<Redeemed, { ok: true }>,
  accountId: string,
  actor: { userId: string; name: string },
  opts: { activation: boolean },
): Promise<void> {
  // Single use even when two requests race with the same code: only one update finds it open.
  const used = await m
    .createQueryBuilder()
    .update(ActivationLetterEntity)
    .set({ usedAt: now })
    .where('id = :id AND usedAt IS NULL AND voidedAt IS NULL', { id: redeemed.letter.id })
    .execute();
  if (used.affected !== 1) throw redeemError('USED');
  await linkRecord(m, now, redeemed.record, accountId);
  const base = { accountId, actorUserId: actor.userId, actorName: actor.name, detail: redeemed.provider.name };
  if (opts.activation) await appendAccessLog(m, now, { ...base, action: 'ACCOUNT_ACTIVATED', basis: 'LETTER_CODE' });
  await appendAccessLog(m, now, { ...base, action: 'PROVIDER_LINKED', basis: 'LETTER_CODE' });
}

/**
 * The account the record joins: the user's own (forSelf), or a new account for
 * the person they represent, which they manage.
 */
export async function targetAccount(
  m: EntityManager,
  now: Date,
  userId: string,
  record: PatientRecordEntity,
  forSelf: boolean,
): Promise<string> {
  if (forSelf) {
    const own = await m.findOneBy(AccountEntity, { ownerUserId: userId, status: 'ACTIVE' });
    if (own) return own.id;
  }
  const account = await createAccount(m, now, {
    displayName: `${record.firstName} ${record.lastName}`,
    ownerUserId: forSelf ? userId : null,
  });
  await addMembership(m, now, account.id, userId, 'MANAGER');
  return account.id;
}
