import { createHash } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { LETTER_VALIDITY_MS, formatLetterCode, generateLetterCode } from '@kring/domain';
import { AppError } from '../../core/errors';
import { newId } from '../../db/columns';
import { findOwnRecord, externalIdOf } from '../providers/patient.service';
import { ActivationLetterEntity } from './activation-letter.entity';
import { LETTER_PDF_LINK_MS, newPdfKey, sealLetterToken } from './letter-token';

export const hashLetterCode = (normalized: string): string => createHash('sha256').update(normalized).digest('hex');

export interface IssuedLetter {
  id: string;
  /** Grouped, as printed: XXXX-XXXX-XXXX-XXXX. */
  code: string;
  expiresAt: Date;
  pdfUrl: string;
}

async function voidOpenLetters(m: EntityManager, now: Date, patientRecordId: string): Promise<number> {
  const result = await m
    .createQueryBuilder()
    .update(ActivationLetterEntity)
    .set({ voidedAt: now })
    .where('patientRecordId = :patientRecordId AND usedAt IS NULL AND voidedAt IS NULL', { patientRecordId })
    .execute();
  return result.affected ?? 0;
}

/** A new letter for one of the provider's own patients; it voids the previous one (one valid letter per record). */
export async function issueLetter(
  m: EntityManager,
  now: Date,
  providerId: string,
  externalPatientId: string,
  apiUrl: string,
): Promise<IssuedLetter> {
  const record = await findOwnRecord(m, providerId, externalIdOf(externalPatientId, 'externalPatientId'));
  if (!record) throw new AppError('NOT_FOUND');
  await voidOpenLetters(m, now, record.id);
  const code = generateLetterCode();
  const letter: ActivationLetterEntity = {
    id: newId(),
    patientRecordId: record.id,
    codeHash: hashLetterCode(code),
    pdfKey: newPdfKey(),
    createdAt: now,
    expiresAt: new Date(now.getTime() + LETTER_VALIDITY_MS),
    usedAt: null,
    voidedAt: null,
    wrongTries: 0,
  };
  await m.insert(ActivationLetterEntity, letter);
  const token = sealLetterToken(letter.pdfKey, letter.id, code, now.getTime() + LETTER_PDF_LINK_MS);
  return {
    id: letter.id,
    code: formatLetterCode(code),
    expiresAt: letter.expiresAt,
    pdfUrl: `${apiUrl}/letters/${letter.id}.pdf?t=${token}`,
  };
}

/** Voids the open letter of one of the provider's own patients; false when there was none. */
export async function revokeLetter(m: EntityManager, now: Date, providerId: string, externalPatientId: string): Promise<boolean> {
  const record = await findOwnRecord(m, providerId, externalIdOf(externalPatientId, 'externalPatientId'));
  if (!record) throw new AppError('NOT_FOUND');
  return (await voidOpenLetters(m, now, record.id)) > 0;
}

/** The letter that can still be redeemed for a record, if any. */
export function openLetterOf(m: EntityManager, patientRecordId: string): Promise<ActivationLetterEntity | null> {
  return m.findOne(ActivationLetterEntity, {
    where: { patientRecordId, usedAt: IsNull(), voidedAt: IsNull() },
    order: { createdAt: 'DESC' },
  });
}
