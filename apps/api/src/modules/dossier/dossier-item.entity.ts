import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

export const DOSSIER_KINDS = ['CARE_REPORT', 'CARE_PLAN', 'QUESTIONNAIRE'] as const;
export type DossierKind = (typeof DOSSIER_KINDS)[number];

/**
 * A care report, care plan or questionnaire as a provider published it for one patient.
 * `accountId` is the account the record was linked to when the item arrived (null while
 * none was): after an unlink the account keeps what it got, and the provider's later
 * writes make a separate row that does not reach it. Within one account an external id
 * is unique per provider.
 */
@Entity('dossier_items')
@Index(['providerId', 'externalId', 'accountId'], { unique: true })
@Index(['accountId', 'authoredAt'])
export class DossierItemEntity {
  @IdColumn() id: string;
  @RefColumn() providerId: string;
  @Index() @RefColumn() patientRecordId: string;
  @RefColumn({ nullable: true }) accountId: string | null;
  @StringColumn(200) externalId: string;
  @StringColumn(20) kind: DossierKind;
  @StringColumn(200) title: string;
  @TextColumn() body: string;
  @StringColumn(200, { nullable: true }) authorName: string | null;
  @InstantColumn() authoredAt: Date;
  @InstantColumn() updatedAt: Date;
  @IntColumn({ default: 1 }) version: number;
  /** JSON: [{ question, answer }] (questionnaires); [] otherwise. */
  @TextColumn() answers: string;
  /** SHA-256 of the published content: the same push twice changes nothing. */
  @StringColumn(64) contentHash: string;
  @InstantColumn({ nullable: true }) retractedAt: Date | null;
  @InstantColumn() createdAt: Date;
}
