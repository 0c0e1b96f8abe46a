import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('NotificationPreferences')
export class NotificationPreferencesType {
  @Field() appointmentStarting: boolean;
  @Field(() => Int) appointmentLeadMinutes: number;
  @Field() newMessage: boolean;
  @Field() carePlanChanged: boolean;
}

@InputType('NotificationPreferencesInput')
export class NotificationPreferencesInput {
  @Field(() => Boolean, { nullable: true }) appointmentStarting?: boolean | null;
  @Field(() => Int, { nullable: true }) appointmentLeadMinutes?: number | null;
  @Field(() => Boolean, { nullable: true }) newMessage?: boolean | null;
  @Field(() => Boolean, { nullable: true }) carePlanChanged?: boolean | null;
}
