import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, StringColumn } from '../../db/columns';

@Entity('sessions')
export class SessionEntity {
  @IdColumn() id: string;
  /** sha256 of the opaque bearer token; the token itself is never stored. */
  @Index({ unique: true }) @StringColumn(64) tokenHash: string;
  @Index() @RefColumn() userId: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn() lastSeenAt: Date;
  @InstantColumn({ nullable: true }) endedAt: Date | null;
  @StringColumn(120, { nullable: true }) device: string | null;
  @StringColumn(64, { nullable: true }) ip: string | null;
  /** Last use of a protected field after a verified SMS code (QUALITY.md 9); null until verified. */
  @InstantColumn({ nullable: true }) stepUpUsedAt: Date | null;
}
