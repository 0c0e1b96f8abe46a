import { Entity, Index } from 'typeorm';
import type { RecurrenceFrequency } from '@kring/domain';
import { IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

export type AppointmentSource = 'PRIVATE' | 'PROVIDER';

/**
 * An appointment: a one-off, a recurring series (frequency … count), or one changed
 * occurrence of a series (parentAppointmentId + originalStartUtc, RFC 5545 RECURRENCE-ID).
 * The start is a UTC instant; the wall clock it follows is `zone` (the account's zone).
 */
@Entity('appointments')
@Index(['accountId', 'startUtc'])
@Index(['providerId', 'externalId'], { unique: true })
@Index(['parentAppointmentId', 'originalStartUtc'], { unique: true })
export class AppointmentEntity {
  @IdColumn() id: string;
  @RefColumn() accountId: string;
  @StringColumn(10) source: AppointmentSource;
  @RefColumn({ nullable: true }) providerId: string | null;
  @StringColumn(200, { nullable: true }) externalId: string | null;
  @StringColumn(200) title: string;
  @InstantColumn() startUtc: Date;
  @IntColumn() durationMinutes: number;
  @StringColumn(64) zone: string;
  @StringColumn(10, { nullable: true }) frequency: RecurrenceFrequency | null;
  @IntColumn({ nullable: true }) interval: number | null;
  /** Inclusive last day (YYYY-MM-DD) in `zone`. */
  @StringColumn(10, { nullable: true }) untilDate: string | null;
  @IntColumn({ nullable: true }) count: number | null;
  /** Upper bound of the end of the last occurrence; null for a series without end. */
  @InstantColumn({ nullable: true }) lastEndUtc: Date | null;
  @StringColumn(300, { nullable: true }) location: string | null;
  @TextColumn({ nullable: true }) description: string | null;
  @StringColumn(200, { nullable: true }) practitionerName: string | null;
  @StringColumn(500, { nullable: true }) videoUrl: string | null;
  @InstantColumn({ nullable: true }) cancelledAt: Date | null;
  @RefColumn({ nullable: true }) createdByUserId: string | null;
  /** Set on a changed single occurrence: the series it belongs to. */
  @RefColumn({ nullable: true }) parentAppointmentId: string | null;
  /** Set on a changed single occurrence: where the series put it. */
  @InstantColumn({ nullable: true }) originalStartUtc: Date | null;
  /** RFC 5545 SEQUENCE, raised on every change that is sent to helpers. */
  @IntColumn({ default: 0 }) sequence: number;
  @InstantColumn() createdAt: Date;
  @InstantColumn() updatedAt: Date;
}

/** A cancelled occurrence of a series (RFC 5545 EXDATE). */
@Entity('appointment_exdates')
@Index(['appointmentId', 'originalStartUtc'], { unique: true })
export class AppointmentExdateEntity {
  @IdColumn() id: string;
  @RefColumn() appointmentId: string;
  @InstantColumn() originalStartUtc: Date;
}

/** A connection asked to come along ("wie komt je helpen?"). */
@Entity('appointment_helpers')
@Index(['appointmentId', 'userId'], { unique: true })
export class AppointmentHelperEntity {
  @IdColumn() id: string;
  @RefColumn() appointmentId: string;
  @Index() @RefColumn() userId: string;
}

/**
 * A user's private iCalendar feed. The secret is a capability (like a password-reset
 * link): it is stored as a SHA-256 hash for look-up and, so that the app can show the
 * address again, sealed with AES-256-GCM under a key derived from the server secret.
 */
@Entity('calendar_feeds')
export class CalendarFeedEntity {
  @IdColumn() id: string;
  @Index() @RefColumn() userId: string;
  @Index({ unique: true }) @StringColumn(64) secretHash: string;
  @StringColumn(200) secretSealed: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn({ nullable: true }) revokedAt: Date | null;
}

/** One reminder e-mail per occurrence and person, whatever restarts or workers (unique key). */
@Entity('reminders_sent')
@Index(['appointmentId', 'originalStartUtc', 'userId'], { unique: true })
export class ReminderSentEntity {
  @IdColumn() id: string;
  @RefColumn() appointmentId: string;
  @InstantColumn() originalStartUtc: Date;
  @RefColumn() userId: string;
  /** The start the reminder was for (a moved occurrence is reminded at its new time). */
  @InstantColumn() startUtc: Date;
  @InstantColumn() sentAt: Date;
}
