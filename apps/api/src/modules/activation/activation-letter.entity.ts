import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns';

/**
 * A letter with an activation code for one patient record. The code itself is
 * never stored: only its SHA-256 hash (the code has ~79 random bits, so the hash
 * cannot be reversed by trying). Single use, valid 6 weeks, voided by 5 wrong tries.
 */
@Entity('activation_letters')
export class ActivationLetterEntity {
  @IdColumn() id: string;
  @Index() @RefColumn() patientRecordId: string;
  @Index({ unique: true }) @StringColumn(64) codeHash: string;
  /**
   * A random key for the printable letter: the PDF link carries the code encrypted
   * with it, so neither the database nor the link alone reveals the code.
   */
  @StringColumn(64) pdfKey: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn() expiresAt: Date;
  @InstantColumn({ nullable: true }) usedAt: Date | null;
  @InstantColumn({ nullable: true }) voidedAt: Date | null;
  @IntColumn({ default: 0 }) wrongTries: number;
}

/** A failed activation try from a client address, for the per-address throttle (kept in the database: stateless API). */
@Entity('activation_attempts')
@Index(['ip', 'at'])
export class ActivationAttemptEntity {
  @IdColumn() id: string;
  @StringColumn(64) ip: string;
  @InstantColumn() at: Date;
}
