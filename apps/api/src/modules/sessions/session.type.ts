import { Field, ObjectType } from 'type-graphql';
import { UserType } from '../accounts/account.type';

@ObjectType('Session')
export class SessionType {
  @Field({ description: 'Opaque bearer token; the web app keeps it inside its encrypted session cookie.' })
  token: string;
  @Field() expiresAt: Date;
  @Field(() => UserType) user: UserType;
}
