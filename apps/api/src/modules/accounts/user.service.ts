import type { EntityManager } from 'typeorm';
import type { AccessLevel } from '@kring/domain';
import { newId } from '../../db/columns';
import { AccountEntity, MembershipEntity } from './account.entity';
import { UserEntity, fullName } from './user.entity';

export interface NewUser {
  email: string;
  firstName: string;
  lastName: string;
  passwordHash: string;
  locale?: string;
  emailVerifiedAt?: Date | null;
}

/** Every login gets its own account at sign-up, as its manager (DESIGN.md). */
export async function createUserWithAccount(
  m: EntityManager,
  now: Date,
  input: NewUser,
): Promise<{ user: UserEntity; account: AccountEntity }> {
  const user = m.create(UserEntity, {
    id: newId(),
    email: input.email.trim().toLowerCase(),
    pendingEmail: null,
    passwordHash: input.passwordHash,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    locale: input.locale ?? 'nl',
    emailVerifiedAt: input.emailVerifiedAt ?? null,
    phoneE164: null,
    phoneVerifiedAt: null,
    phoneHidden: false,
    avatarId: null,
    createdAt: now,
  });
  await m.insert(UserEntity, user);
  const account = await createAccount(m, now, { displayName: fullName(user), ownerUserId: user.id });
  await addMembership(m, now, account.id, user.id, 'MANAGER');
  return { user, account };
}

export async function createAccount(
  m: EntityManager,
  now: Date,
  input: { displayName: string; ownerUserId: string | null; timeZone?: string },
): Promise<AccountEntity> {
  const account = m.create(AccountEntity, {
    id: newId(),
    displayName: input.displayName,
    ownerUserId: input.ownerUserId,
    avatarId: null,
    status: 'ACTIVE',
    timeZone: input.timeZone ?? 'Europe/Amsterdam',
    closedAt: null,
    createdAt: now,
  });
  await m.insert(AccountEntity, account);
  return account;
}

export async function addMembership(
  m: EntityManager,
  now: Date,
  accountId: string,
  userId: string,
  level: AccessLevel,
): Promise<MembershipEntity> {
  const row = m.create(MembershipEntity, { id: newId(), accountId, userId, level, createdAt: now });
  await m.insert(MembershipEntity, row);
  return row;
}
