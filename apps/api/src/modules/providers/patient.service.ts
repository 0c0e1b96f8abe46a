import { IsNull, type EntityManager } from 'typeorm';
import { normalizeBirthDate } from '@kring/domain';
import { badInput } from '../../core/errors';
import { newId } from '../../db/columns';
import { PatientRecordEntity } from './patient-record.entity';
import type { ProviderPatientInput, WriteStatus } from './provider.type';

function text(value: string, max: number, field: string): string {
  const v = value.trim();
  if (!v) throw badInput('REQUIRED', 'Dit veld is verplicht.', field);
  if (v.length > max) throw badInput('TOO_LONG', `Maximaal ${max} tekens.`, field);
  return v;
}

export function externalIdOf(value: string, field = 'externalId'): string {
  return text(value, 200, field);
}

/**
 * The provider's own record for an external id. Another provider's patient is
 * simply unknown here (scoped by providerId), so it cannot be read or written.
 */
export function findOwnRecord(m: EntityManager, providerId: string, externalId: string): Promise<PatientRecordEntity | null> {
  return m.findOneBy(PatientRecordEntity, { providerId, externalId: externalId.trim() });
}

/** Registers or updates a patient, idempotent by external id (QUALITY.md 27). */
export async function upsertPatient(
  m: EntityManager,
  now: Date,
  providerId: string,
  input: ProviderPatientInput,
): Promise<{ id: string; status: WriteStatus }> {
  const externalId = externalIdOf(input.externalId);
  const birthDate = normalizeBirthDate(input.birthDate);
  if (!birthDate) throw badInput('INVALID_DATE', 'Geen geldige geboortedatum.', 'birthDate');
  const fields = {
    firstName: text(input.firstName, 100, 'firstName'),
    lastName: text(input.lastName, 100, 'lastName'),
    birthDate,
  };
  const existing = await m.findOneBy(PatientRecordEntity, { providerId, externalId });
  if (!existing) {
    const id = newId();
    await m.insert(PatientRecordEntity, {
      id,
      providerId,
      externalId,
      ...fields,
      accountId: null,
      linkedAt: null,
      unlinkedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    return { id, status: 'CREATED' };
  }
  const same =
    existing.firstName === fields.firstName && existing.lastName === fields.lastName && existing.birthDate === fields.birthDate;
  if (same) return { id: existing.id, status: 'UNCHANGED' };
  await m.update(PatientRecordEntity, { id: existing.id }, { ...fields, updatedAt: now });
  return { id: existing.id, status: 'UPDATED' };
}

/** The records currently linked to an account (its ProviderLinks), oldest link first. */
export function activeLinksOf(m: EntityManager, accountId: string): Promise<PatientRecordEntity[]> {
  return m.find(PatientRecordEntity, { where: { accountId, unlinkedAt: IsNull() }, order: { linkedAt: 'ASC' } });
}

/** Links a record to an account from now on; what it sent before anyone was linked joins the account. */
export async function linkRecord(m: EntityManager, now: Date, record: PatientRecordEntity, accountId: string): Promise<void> {
  await m.update(PatientRecordEntity, { id: record.id }, { accountId, linkedAt: now, unlinkedAt: null });
  record.accountId = accountId;
  record.linkedAt = now;
  record.unlinkedAt = null;
  for (const listener of RECORD_LINK_LISTENERS) await listener(m, now, { recordId: record.id, providerId: record.providerId, accountId });
}

/**
 * Called when a record becomes linked to an account, inside the same transaction.
 * Modules that store provider data for a record before it is linked (dossier,
 * appointments) register here to attach that data to the account.
 */
export const RECORD_LINK_LISTENERS: ((
  m: EntityManager,
  now: Date,
  link: { recordId: string; providerId: string; accountId: string },
) => Promise<void>)[] = [];

/**
 * Ends every provider link of an account at once (deactivation): the providers stop
 * feeding it; what they sent stays. Returns the records that were unlinked, so the
 * caller can write its own access-log entries.
 */
export async function endProviderLinks(m: EntityManager, now: Date, accountId: string): Promise<PatientRecordEntity[]> {
  const links = await activeLinksOf(m, accountId);
  if (links.length) {
    await m
      .createQueryBuilder()
      .update(PatientRecordEntity)
      .set({ unlinkedAt: now })
      .where('accountId = :accountId AND unlinkedAt IS NULL', { accountId })
      .execute();
  }
  return links;
}

/** A unique index refused a row: a concurrent push of the same external id won the race. */
export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

/** Runs an idempotent provider write; a lost insert race is retried once and then sees the winner's row. */
export async function idempotentWrite<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return run();
  }
}
