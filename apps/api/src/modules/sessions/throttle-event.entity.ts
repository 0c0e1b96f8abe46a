import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, StringColumn } from '../../db/columns';

/**
 * One counted event of a rate limit (a failed sign-in, an SMS sent, a wrong code), kept in the
 * database so that every API process sees the same counters (QUALITY.md 26). The bucket names
 * the counter; e-mail addresses and numbers in it are hashed, never stored as typed.
 */
@Entity('throttle_events')
@Index(['bucket', 'at'])
export class ThrottleEventEntity {
  @IdColumn() id: string;
  @StringColumn(100) bucket: string;
  @InstantColumn() at: Date;
}
