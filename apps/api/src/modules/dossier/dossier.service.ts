import { createHash } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { AppError, badInput } from '../../core/errors';
import { newId } from '../../db/columns';
import { PatientRecordEntity, activeAccountOf } from '../providers/patient-record.entity';
import { ProviderEntity } from '../providers/provider.entity';
import { externalIdOf, findOwnRecord } from '../providers/patient.service';
import type { WriteStatus } from '../providers/provider.type';
import { DOSSIER_KINDS, DossierItemEntity, type DossierKind } from './dossier-item.entity';
import type { DossierItemType, ProviderDossierItemInput, QuestionnaireAnswerType } from './dossier.type';
import { onCarePlanChanged } from './events';

const MAX_BODY = 100_000;
const MAX_ANSWERS = 200;

function text(value: string, max: number, field: string): string {
  const v = value.trim();
  if (!v) throw badInput('REQUIRED', 'Dit veld is verplicht.', field);
  if (v.length > max) throw badInput('TOO_LONG', `Maximaal ${max} tekens.`, field);
  return v;
}

interface Content {
  kind: DossierKind;
  title: string;
  body: string;
  authorName: string | null;
  authoredAt: Date;
  answers: QuestionnaireAnswerType[];
}

function contentOf(input: ProviderDossierItemInput): Content {
  if (!DOSSIER_KINDS.includes(input.kind)) throw badInput('INVALID_KIND', 'Onbekende soort.', 'kind');
  // Plain text only: the web app renders it escaped; nothing here is interpreted as HTML.
  const body = input.body.replace(/\r\n/g, '\n');
  if (body.length > MAX_BODY) throw badInput('TOO_LONG', `Maximaal ${MAX_BODY} tekens.`, 'body');
  if (Number.isNaN(input.authoredAt.getTime())) throw badInput('INVALID_DATE', 'Geen geldige datum.', 'authoredAt');
  const answers = (input.answers ?? []).map((a) => ({ question: text(a.question, 2000, 'answers'), answer: a.answer.trim().slice(0, 4000) }));
  if (answers.length > MAX_ANSWERS) throw badInput('TOO_MANY', `Maximaal ${MAX_ANSWERS} antwoorden.`, 'answers');
  return {
    kind: input.kind,
    title: text(input.title, 200, 'title'),
    body,
    authorName: input.authorName?.trim().slice(0, 200) || null,
    authoredAt: input.authoredAt,
    answers,
  };
}

const hashOf = (recordId: string, c: Content): string =>
  createHash('sha256')
    .update(JSON.stringify([recordId, c.kind, c.title, c.body, c.authorName, c.authoredAt.toISOString(), c.answers]))
    .digest('hex');

/** The row a provider's write for this item reaches: the one of the account the record is linked to now (or none). */
function currentRow(m: EntityManager, providerId: string, externalId: string, accountId: string | null) {
  return m.findOneBy(DossierItemEntity, { providerId, externalId, accountId: accountId ?? IsNull() });
}

/**
 * Publishes an item for one of the provider's own patients, idempotent by external id:
 * the same content again is UNCHANGED; new content is the next version (QUALITY.md 27).
 */
export async function publishItem(
  m: EntityManager,
  now: Date,
  providerId: string,
  input: ProviderDossierItemInput,
): Promise<{ id: string; status: WriteStatus }> {
  const externalId = externalIdOf(input.externalId);
  const record = await findOwnRecord(m, providerId, externalIdOf(input.externalPatientId, 'externalPatientId'));
  if (!record) throw new AppError('NOT_FOUND');
  const content = contentOf(input);
  const contentHash = hashOf(record.id, content);
  const accountId = activeAccountOf(record);
  const existing = await currentRow(m, providerId, externalId, accountId);
  const fields = { ...content, answers: JSON.stringify(content.answers), contentHash, patientRecordId: record.id };
  let result: { id: string; status: WriteStatus };
  if (!existing) {
    const id = newId();
    await m.insert(DossierItemEntity, { id, providerId, externalId, accountId, ...fields, version: 1, updatedAt: now, retractedAt: null, createdAt: now });
    result = { id, status: 'CREATED' };
  } else if (existing.contentHash === contentHash && existing.retractedAt === null) {
    return { id: existing.id, status: 'UNCHANGED' };
  } else {
    await m.update(DossierItemEntity, { id: existing.id }, { ...fields, version: existing.version + 1, updatedAt: now, retractedAt: null });
    result = { id: existing.id, status: 'UPDATED' };
  }
  if (content.kind === 'CARE_PLAN' && accountId) {
    const provider = await m.findOneByOrFail(ProviderEntity, { id: providerId });
    await onCarePlanChanged(m, now, { accountId, providerName: provider.name });
  }
  return result;
}

/**
 * Takes an item out of the dossier it currently reaches. Unknown to this provider:
 * NOT_FOUND; known but nothing to take out (already retracted, or only in an
 * account that is no longer linked): false.
 */
export async function retractItem(m: EntityManager, now: Date, providerId: string, externalIdInput: string): Promise<boolean> {
  const externalId = externalIdOf(externalIdInput);
  const rows = await m.findBy(DossierItemEntity, { providerId, externalId });
  if (!rows.length) throw new AppError('NOT_FOUND');
  let retracted = false;
  for (const row of rows) {
    const record = await m.findOneByOrFail(PatientRecordEntity, { id: row.patientRecordId });
    if (row.accountId !== activeAccountOf(record) || row.retractedAt) continue;
    await m.update(DossierItemEntity, { id: row.id }, { retractedAt: now });
    retracted = true;
  }
  return retracted;
}

/**
 * When a record becomes linked, what its provider sent while no account was linked
 * joins the account; an item the account already holds is replaced by the newer one.
 */
export async function adoptUnlinkedItems(m: EntityManager, link: { recordId: string; providerId: string; accountId: string }): Promise<void> {
  const waiting = await m.findBy(DossierItemEntity, { patientRecordId: link.recordId, accountId: IsNull() });
  for (const item of waiting) {
    const held = await m.findOneBy(DossierItemEntity, { providerId: link.providerId, externalId: item.externalId, accountId: link.accountId });
    if (held) {
      const { id: _id, accountId: _a, createdAt: _c, version: _v, ...content } = item;
      await m.update(DossierItemEntity, { id: held.id }, { ...content, version: held.version + 1 });
      await m.delete(DossierItemEntity, { id: item.id });
    } else {
      await m.update(DossierItemEntity, { id: item.id }, { accountId: link.accountId });
    }
  }
}

/** The dossier of one account, newest first; always scoped by account, never by a client-supplied item id. */
export async function listItems(m: EntityManager, accountId: string, kind: DossierKind | null | undefined): Promise<DossierItemType[]> {
  const rows = await m.find(DossierItemEntity, {
    where: { accountId, retractedAt: IsNull(), ...(kind ? { kind } : {}) },
    order: { authoredAt: 'DESC', updatedAt: 'DESC' },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    providerId: r.providerId,
    authorName: r.authorName,
    authoredAt: r.authoredAt,
    updatedAt: r.updatedAt,
    version: r.version,
    answers: JSON.parse(r.answers) as QuestionnaireAnswerType[],
  }));
}
