import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { AccessLevel } from '@kring/domain';
import { AccessLevelEnum } from '../../core/scalars';
import { PersonType } from '../accounts/account.type';
import { INVITATION_STATUSES, type InvitationStatus } from './invitation.entity';

export const InvitationStatusEnum = Object.fromEntries(INVITATION_STATUSES.map((s) => [s, s])) as {
  [K in InvitationStatus]: K;
};
registerEnumType(InvitationStatusEnum, { name: 'InvitationStatus' });

@ObjectType('Connection')
export class ConnectionType {
  /** The membership id. */
  @Field(() => ID) id: string;
  @Field(() => PersonType) person: PersonType;
  @Field(() => AccessLevelEnum) level: AccessLevel;
  @Field() since: Date;
}

@ObjectType('Invitation')
export class InvitationType {
  @Field(() => ID) id: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field() email: string;
  @Field(() => AccessLevelEnum) level: AccessLevel;
  @Field(() => InvitationStatusEnum) status: InvitationStatus;
  @Field() sentAt: Date;
  @Field() expiresAt: Date;
}

@ObjectType('InvitationPreview')
export class InvitationPreviewType {
  @Field() accountDisplayName: string;
  @Field() invitedBy: string;
  @Field(() => AccessLevelEnum) level: AccessLevel;
  @Field() email: string;
  @Field() expiresAt: Date;
  @Field(() => String, { nullable: true, description: 'Pass this to acceptInvitation or declineInvitation.' })
  token: string | null;
}

@InputType('InviteHelperInput')
export class InviteHelperInput {
  @Field() firstName: string;
  @Field() lastName: string;
  @Field() email: string;
  @Field(() => AccessLevelEnum, { description: 'TRUST or BASIC; anything else is refused (BAD_USER_INPUT).' })
  level: AccessLevel;
}

@InputType('RegisterInput')
export class RegisterInput {
  @Field() firstName: string;
  @Field() lastName: string;
  @Field() email: string;
  @Field() password: string;
}
