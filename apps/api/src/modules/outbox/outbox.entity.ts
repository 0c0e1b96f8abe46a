import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, IntColumn, StringColumn, TextColumn } from '../../db/columns';

export type OutboxChannel = 'email' | 'sms';
export type OutboxStatus = 'PENDING' | 'SENT' | 'FAILED';

/**
 * Every e-mail and SMS is first written here, in the same transaction as the change
 * that caused it (QUALITY.md 22); the worker delivers it with `id` as idempotency key.
 */
@Entity('outbox')
@Index(['status', 'nextAttemptAt'])
export class OutboxEntity {
  @IdColumn() id: string;
  @StringColumn(8) channel: OutboxChannel;
  @StringColumn(254) recipient: string;
  @StringColumn(300, { nullable: true }) subject: string | null;
  @TextColumn() text: string;
  @TextColumn({ nullable: true }) html: string | null;
  /** JSON: [{ filename, contentType, content (base64) }] */
  @TextColumn({ nullable: true }) attachments: string | null;
  /** What kind of message (e.g. step-up-code), for the dev outbox and metrics; never content. */
  @StringColumn(60) kind: string;
  @StringColumn(10, { default: 'PENDING' }) status: OutboxStatus;
  @IntColumn({ default: 0 }) attempts: number;
  @InstantColumn() nextAttemptAt: Date;
  /** A worker's claim: rows claimed less than a minute ago are left to that worker. */
  @StringColumn(36, { nullable: true }) claimedBy: string | null;
  @InstantColumn({ nullable: true }) claimedAt: Date | null;
  @InstantColumn({ nullable: true }) sentAt: Date | null;
  @StringColumn(300, { nullable: true }) lastError: string | null;
  @InstantColumn() createdAt: Date;
}
