import { Entity, Index } from 'typeorm';
import type { Audience } from '@kring/domain';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn } from '../../db/columns';

/** A user's e-mail choices for one account; no row means the defaults (all on, 60 minutes). */
@Entity('notification_preferences')
@Index(['userId', 'accountId'], { unique: true })
export class NotificationPreferenceEntity {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Index() @RefColumn() accountId: string;
  @BoolColumn({ default: true }) appointmentStarting: boolean;
  @IntColumn({ default: 60 }) appointmentLeadMinutes: number;
  @BoolColumn({ default: true }) newMessage: boolean;
  @BoolColumn({ default: true }) carePlanChanged: boolean;
  @InstantColumn() updatedAt: Date;
}

export const NOTIFICATION_KINDS = ['NEW_MESSAGE', 'CARE_PLAN_CHANGED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Something happened on an account that people may want an e-mail about. Written in the
 * same transaction as the change; the notifications job turns it into bundled e-mails.
 * Never content: which account, what kind, which audience, who caused it.
 */
@Entity('notification_events')
@Index(['processedAt', 'createdAt'])
export class NotificationEventEntity {
  @IdColumn() id: string;
  @RefColumn() accountId: string;
  @StringColumn(30) kind: NotificationKind;
  @StringColumn(20, { nullable: true }) audience: Audience | null;
  /** Who caused it (not told about their own doing); null for a care provider. */
  @RefColumn({ nullable: true }) actorUserId: string | null;
  @InstantColumn() createdAt: Date;
  @InstantColumn({ nullable: true }) processedAt: Date | null;
}

/**
 * Per person, account and kind: what has not been e-mailed yet, and when the last e-mail went,
 * so that many events become one e-mail per 10 minutes. Trust-group counts are kept apart, so
 * that someone whose level was lowered in between is not told about them.
 */
@Entity('notification_digests')
@Index(['userId', 'accountId', 'kind'], { unique: true })
@Index(['kind', 'lastSentAt'])
export class NotificationDigestEntity {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @RefColumn() accountId: string;
  @StringColumn(30) kind: NotificationKind;
  @IntColumn({ default: 0 }) pendingAll: number;
  @IntColumn({ default: 0 }) pendingTrust: number;
  @InstantColumn({ nullable: true }) lastSentAt: Date | null;
}
