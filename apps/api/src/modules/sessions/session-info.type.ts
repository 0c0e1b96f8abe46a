import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SECURITY_ACTIONS, type SecurityAction } from './security-log';

@ObjectType('SessionInfo')
export class SessionInfoType {
  @Field(() => ID) id: string;
  @Field() current: boolean;
  @Field() createdAt: Date;
  @Field() lastSeenAt: Date;
  @Field(() => String, { nullable: true, description: "Browser and platform as the sign-in reported them, e.g. 'Firefox on Android'" })
  device: string | null;
}

export const SecurityActionEnum = Object.fromEntries(SECURITY_ACTIONS.map((a) => [a, a])) as { [K in SecurityAction]: K };
registerEnumType(SecurityActionEnum, { name: 'SecurityAction', description: "What happened to the user's own login." });

@ObjectType('SecurityEvent', { description: "An entry of the user's own security log; theirs alone." })
export class SecurityEventType {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field(() => SecurityActionEnum) action: SecurityAction;
  @Field(() => String, { nullable: true, description: "Browser and platform, e.g. 'Firefox on Android'" })
  device: string | null;
}

@ObjectType('SecurityEventPage')
export class SecurityEventPageType {
  @Field(() => [SecurityEventType]) nodes: SecurityEventType[];
  @Field(() => String, { nullable: true }) nextCursor: string | null;
}
