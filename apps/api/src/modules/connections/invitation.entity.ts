import { Entity, Index } from 'typeorm';
import type { AccessLevel } from '@kring/domain';
import { IdColumn, InstantColumn, RefColumn, StringColumn } from '../../db/columns';

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'EXPIRED', 'REVOKED', 'DECLINED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** An e-mailed invitation to join an account's circle: single use, valid 7 days. */
@Entity('invitations')
@Index(['accountId', 'email'])
export class InvitationEntity {
  @IdColumn() id: string;
  @RefColumn() accountId: string;
  @RefColumn({ nullable: true }) invitedByUserId: string | null;
  @StringColumn(100) firstName: string;
  @StringColumn(100) lastName: string;
  /** Lower-cased; the invitation is bound to this address. */
  @Index() @StringColumn(254) email: string;
  @StringColumn(10) level: AccessLevel;
  /** sha256 of the e-mailed token; the token itself is never stored. */
  @Index({ unique: true }) @StringColumn(64) tokenHash: string;
  /**
   * sha256 of the token last handed to the signed-in invitee through Viewer.pendingInvitations;
   * it works only in a session of the invited address, and rotates on every listing.
   */
  @Index() @StringColumn(64, { nullable: true }) claimTokenHash: string | null;
  @StringColumn(10, { default: 'PENDING' }) status: InvitationStatus;
  @InstantColumn() sentAt: Date;
  @InstantColumn() expiresAt: Date;
  @InstantColumn({ nullable: true }) acceptedAt: Date | null;
}
