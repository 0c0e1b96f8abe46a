import { Field, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../core/scalars';
import { RegisterInput } from '../connections/connection.type';

@ObjectType('ActivationLetter')
export class ActivationLetterType {
  @Field({ description: 'Shown once, printed on the letter; stored only as a hash.' }) code: string;
  @Field() expiresAt: Date;
  @Field({ description: 'The printable letter (PDF), fetched with the same provider key.' }) pdfUrl: string;
}

@InputType('ActivateAccountInput')
export class ActivateAccountInput {
  @Field() code: string;
  @Field(() => LocalDateScalar) birthDate: string;
  @Field(() => RegisterInput, { nullable: true, description: 'Omit when the request is already signed in.' })
  newUser?: RegisterInput | null;
  @Field({
    defaultValue: true,
    description:
      "True: the record is the signed-in (or new) user's own, and joins their own account. False: a new account for someone they represent.",
  })
  forSelf: boolean;
}
