import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, StringColumn } from '../../db/columns';

export type IdentityTokenPurpose = 'PASSWORD_RESET' | 'VERIFY_EMAIL' | 'CHANGE_EMAIL' | 'VERIFY_PHONE';

/** E-mailed link tokens (QUALITY.md 5): 256 bits, only their sha256 stored, single use, expiring. */
@Entity('identity_tokens')
@Index(['userId', 'purpose'])
export class IdentityTokenEntity {
  @IdColumn() id: string;
  @StringColumn(20) purpose: IdentityTokenPurpose;
  @RefColumn() userId: string;
  @Index({ unique: true }) @StringColumn(64) tokenHash: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn() expiresAt: Date;
  @InstantColumn({ nullable: true }) usedAt: Date | null;
  /** What the token confirms: the new e-mail address or phone number. */
  @StringColumn(254, { nullable: true }) payload: string | null;
}
