import { Field, ObjectType } from 'type-graphql';

@ObjectType('StepUpChallenge')
export class StepUpChallengeType {
  /** The masked number the code went to, e.g. "+31 6 ••• •• 78". */
  @Field() sentTo: string;
  @Field() expiresAt: Date;
}
