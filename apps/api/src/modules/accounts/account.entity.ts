import { Entity, Index } from 'typeorm';
import type { AccessLevel, AccountStatus } from '@kring/domain';
import { IdColumn, InstantColumn, RefColumn, StringColumn } from '../../db/columns';

@Entity('accounts')
export class AccountEntity {
  @IdColumn() id: string;
  @StringColumn(200) displayName: string;
  /** The login whose own account this is (null for an account made for someone represented). */
  @Index() @RefColumn({ nullable: true }) ownerUserId: string | null;
  @RefColumn({ nullable: true }) avatarId: string | null;
  @StringColumn(10, { default: 'ACTIVE' }) status: AccountStatus;
  @StringColumn(64, { default: 'Europe/Amsterdam' }) timeZone: string;
  @InstantColumn({ nullable: true }) closedAt: Date | null;
  @InstantColumn() createdAt: Date;
}

@Entity('memberships')
@Index(['accountId', 'userId'], { unique: true })
export class MembershipEntity {
  @IdColumn() id: string;
  @RefColumn() accountId: string;
  @Index() @RefColumn() userId: string;
  @StringColumn(10) level: AccessLevel;
  @InstantColumn() createdAt: Date;
}
