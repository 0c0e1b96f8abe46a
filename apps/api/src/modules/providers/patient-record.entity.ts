import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, StringColumn } from '../../db/columns';

/**
 * A provider's patient, as the provider registered it. While `accountId` is set and
 * `unlinkedAt` is null, the record is linked to that account (a ProviderLink) and
 * what the provider sends for this patient reaches the account.
 */
@Entity('patient_records')
@Index(['providerId', 'externalId'], { unique: true })
export class PatientRecordEntity {
  @IdColumn() id: string;
  @RefColumn() providerId: string;
  @StringColumn(200) externalId: string;
  @StringColumn(100) firstName: string;
  @StringColumn(100) lastName: string;
  /** YYYY-MM-DD */
  @StringColumn(10) birthDate: string;
  @Index() @RefColumn({ nullable: true }) accountId: string | null;
  @InstantColumn({ nullable: true }) linkedAt: Date | null;
  @InstantColumn({ nullable: true }) unlinkedAt: Date | null;
  @InstantColumn() createdAt: Date;
  @InstantColumn() updatedAt: Date;
}

/** The account this record currently feeds, or null when it is not (or no longer) linked. */
export function activeAccountOf(record: Pick<PatientRecordEntity, 'accountId' | 'unlinkedAt'>): string | null {
  return record.accountId !== null && record.unlinkedAt === null ? record.accountId : null;
}
