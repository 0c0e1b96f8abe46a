import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, StringColumn, TextColumn } from '../../db/columns';

export const MAX_NOTE_TITLE = 200;
export const MAX_NOTE_BODY = 10_000;

@Entity('notes')
@Index(['accountId', 'updatedAt'])
export class NoteEntity {
  @IdColumn() id: string;
  @RefColumn() accountId: string;
  @RefColumn() authorUserId: string;
  @StringColumn(MAX_NOTE_TITLE) title: string;
  @TextColumn() body: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn() updatedAt: Date;
}
