import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, StringColumn } from '../../db/columns';

/** A user's own security log (QUALITY.md 20): sign-ins, step-ups, credential changes. Theirs alone. */
@Entity('user_security_events')
@Index(['userId', 'at'])
export class SecurityEventEntity {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @InstantColumn() at: Date;
  @StringColumn(30) action: string;
  /** "Firefox on Android", as the request reported it. */
  @StringColumn(120, { nullable: true }) device: string | null;
}
