import { Field, ID, ObjectType } from 'type-graphql';
import type { Audience } from '@kring/domain';
import { AudienceEnum } from '../../core/scalars';
import type { MessageEntity } from './message.entity';

@ObjectType('Message')
export class MessageType {
  @Field(() => ID) id: string;
  @Field(() => AudienceEnum) audience: Audience;
  @Field() body: string;
  @Field(() => Date) sentAt: Date;
  /** Resolved to a Person through the user DataLoader. */
  authorUserId: string;
}

@ObjectType('MessagePage')
export class MessagePageType {
  @Field(() => [MessageType]) nodes: MessageType[];
  @Field(() => String, { nullable: true }) nextCursor: string | null;
}

export const toMessageType = (m: MessageEntity): MessageType => ({
  id: m.id,
  audience: m.audience,
  body: m.body,
  sentAt: m.sentAt,
  authorUserId: m.authorUserId,
});
