import { Field, InputType } from 'type-graphql';

@InputType('ProfileInput')
export class ProfileInput {
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) locale?: string | null;
}
