import { Entity, Index } from 'typeorm';
import { BoolColumn, IdColumn, InstantColumn, RefColumn, StringColumn } from '../../db/columns';

@Entity('users')
export class UserEntity {
  @IdColumn() id: string;
  /** Lower-cased; one login per address. */
  @Index({ unique: true }) @StringColumn(254) email: string;
  @StringColumn(254, { nullable: true }) pendingEmail: string | null;
  @StringColumn(255) passwordHash: string;
  @StringColumn(100) firstName: string;
  @StringColumn(100) lastName: string;
  @StringColumn(5, { default: 'nl' }) locale: string;
  @InstantColumn({ nullable: true }) emailVerifiedAt: Date | null;
  @StringColumn(20, { nullable: true }) phoneE164: string | null;
  @InstantColumn({ nullable: true }) phoneVerifiedAt: Date | null;
  /** A new number replacing a verified one, kept apart until its SMS code is entered (QUALITY.md 10). */
  @StringColumn(20, { nullable: true }) pendingPhoneE164: string | null;
  @BoolColumn() phoneHidden: boolean;
  @RefColumn({ nullable: true }) avatarId: string | null;
  @InstantColumn() createdAt: Date;
}

export const fullName = (u: Pick<UserEntity, 'firstName' | 'lastName'>) => `${u.firstName} ${u.lastName}`.trim();
