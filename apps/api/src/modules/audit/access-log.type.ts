import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('AccessLogEntry')
export class AccessLogEntryType {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field({ description: 'The person, or the integration, that acted.' }) actorName: string;
  @Field() action: string;
  @Field(() => String, { nullable: true }) detail: string | null;
}

@ObjectType('AccessLogPage')
export class AccessLogPageType {
  @Field(() => [AccessLogEntryType]) nodes: AccessLogEntryType[];
  @Field(() => String, { nullable: true }) nextCursor: string | null;
}
