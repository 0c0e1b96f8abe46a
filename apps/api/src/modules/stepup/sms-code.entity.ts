import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns';

export type SmsCodePurpose = 'STEP_UP' | 'PHONE';

/**
 * A 6-digit SMS code (QUALITY.md 6): stored hashed, bound to user, purpose, number and (for the
 * step-up) the session, valid 10 minutes, single use, void after 5 wrong entries.
 */
@Entity('sms_codes')
@Index(['userId', 'purpose', 'createdAt'])
export class SmsCodeEntity {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @StringColumn(12) purpose: SmsCodePurpose;
  /** The session that asked for a step-up code; null for a phone confirmation code. */
  @RefColumn({ nullable: true }) sessionId: string | null;
  @StringColumn(20) phoneE164: string;
  /** sha256 of the row id and the code. */
  @StringColumn(64) codeHash: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn() expiresAt: Date;
  @IntColumn({ default: 0 }) wrongAttempts: number;
  @InstantColumn({ nullable: true }) usedAt: Date | null;
  @InstantColumn({ nullable: true }) voidedAt: Date | null;
}
