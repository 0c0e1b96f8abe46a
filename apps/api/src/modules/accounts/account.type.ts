import { Field, ID, ObjectType } from 'type-graphql';
import type { AccessLevel, AccountStatus } from '@kring/domain';
import { AccessLevelEnum, AccountStatusEnum } from '../../core/scalars';
import type { Access } from '../../core/context';
import type { UserEntity } from './user.entity';
import { fullName } from './user.entity';

@ObjectType('PhoneNumber')
export class PhoneNumberType {
  @Field({ description: 'Like +31 6 ••• •• 78' }) masked: string;
  @Field() verified: boolean;
  @Field({ description: 'Hidden numbers are shown to nobody but their owner.' }) hidden: boolean;
}

@ObjectType('User')
export class UserType {
  @Field(() => ID) id: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field() email: string;
  @Field() emailVerified: boolean;
  @Field(() => String, { nullable: true }) pendingEmail: string | null;
  @Field(() => PhoneNumberType, { nullable: true }) phone: PhoneNumberType | null;
  @Field(() => String, { nullable: true }) avatarUrl: string | null;
  @Field() locale: string;
}

@ObjectType('Person', { description: 'Another person as shown to someone they are connected with.' })
export class PersonType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) avatarUrl: string | null;
  @Field(() => String, { nullable: true, description: 'Null unless the number is verified and not hidden.' })
  phone: string | null;
}

@ObjectType('Account')
export class AccountType {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field(() => String, { nullable: true }) avatarUrl: string | null;
  @Field(() => AccountStatusEnum) status: AccountStatus;
  @Field({ description: "IANA zone in which the account's appointments are kept, default Europe/Amsterdam" })
  timeZone: string;
  /** The viewer's level here; exposed through the myLevel/myRights resolvers. */
  level: AccessLevel;
  /** The login whose own account this is, if any. */
  ownerUserId: string | null;
}

@ObjectType('AccountAccess')
export class AccountAccessType {
  @Field(() => AccountType) account: AccountType;
  @Field(() => AccessLevelEnum) level: AccessLevel;
  @Field() own: boolean;
}

@ObjectType('Viewer')
export class ViewerType {
  userId: string;
  sessionId: string;
}

export function maskPhone(e164: string): string {
  // +31612345678 -> +31 6 ••• •• 78 (only the country code, first digit and last two stay readable)
  const m = /^\+(\d{2})(\d)(\d*)(\d{2})$/.exec(e164);
  if (!m) return '•••';
  return `+${m[1]} ${m[2]} ••• •• ${m[4]}`;
}

export function avatarUrl(apiUrl: string, avatarId: string | null): string | null {
  return avatarId ? `${apiUrl}/avatars/${avatarId}.webp` : null;
}

export function toUserType(u: UserEntity, apiUrl: string): UserType {
  return {
    id: u.id,
    firstName: u.firstName,
    lastName: u.lastName,
    email: u.email,
    emailVerified: u.emailVerifiedAt !== null,
    pendingEmail: u.pendingEmail,
    phone: u.phoneE164
      ? { masked: maskPhone(u.phoneE164), verified: u.phoneVerifiedAt !== null, hidden: u.phoneHidden }
      : null,
    avatarUrl: avatarUrl(apiUrl, u.avatarId),
    locale: u.locale,
  };
}

/** How a user appears to others: a hidden or unverified number is never shown. */
export function toPerson(u: UserEntity, apiUrl: string): PersonType {
  return {
    id: u.id,
    name: fullName(u),
    avatarUrl: avatarUrl(apiUrl, u.avatarId),
    phone: u.phoneE164 && u.phoneVerifiedAt && !u.phoneHidden ? u.phoneE164 : null,
  };
}

export function toAccountType(access: Access, apiUrl: string, ownerAvatarId?: string | null): AccountType {
  const a = access.account;
  return {
    id: a.id,
    displayName: a.displayName,
    avatarUrl: avatarUrl(apiUrl, a.avatarId ?? ownerAvatarId ?? null),
    status: a.status,
    timeZone: a.timeZone,
    level: access.level,
    ownerUserId: a.ownerUserId,
  };
}
