import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { NoteEntity } from './note.entity';

@ObjectType('Note')
export class NoteType {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => Date) updatedAt: Date;
  /** Resolved to a Person through the user DataLoader. */
  authorUserId: string;
}

@ObjectType('NotePage')
export class NotePageType {
  @Field(() => [NoteType]) nodes: NoteType[];
  @Field(() => String, { nullable: true }) nextCursor: string | null;
}

@InputType('NoteInput')
export class NoteInput {
  @Field() title: string;
  @Field() body: string;
}

export const toNoteType = (n: NoteEntity): NoteType => ({
  id: n.id,
  title: n.title,
  body: n.body,
  updatedAt: n.updatedAt,
  authorUserId: n.authorUserId,
});
