import { Entity, Index } from 'typeorm';
import type { Audience } from '@kring/domain';
import { IdColumn, InstantColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

export const MAX_MESSAGE_LENGTH = 4000;

@Entity('messages')
@Index(['accountId', 'audience', 'sentAt'])
export class MessageEntity {
  @IdColumn() id: string;
  @RefColumn() accountId: string;
  @RefColumn() authorUserId: string;
  @StringColumn(20) audience: Audience;
  /** Emptied when the author deletes the message: a deleted message keeps no content. */
  @TextColumn() body: string;
  @InstantColumn() sentAt: Date;
  @InstantColumn({ nullable: true }) deletedAt: Date | null;
}
