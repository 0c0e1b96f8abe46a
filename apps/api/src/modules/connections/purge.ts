import type { EntityManager } from 'typeorm';

/**
 * Extension points for other modules (push one function each, at import time):
 * - MEMBERSHIP_ENDED: a user's connection to an account ended (removed, left, or the account was
 *   deactivated); e.g. drop their notification choices or appointment-helper rows for that account.
 * - ACCOUNT_PURGERS: a closed account's 30 days are over; delete the module's rows keyed by accountId.
 * Both run inside the transaction of the change.
 */
export type MembershipEndedHook = (m: EntityManager, now: Date, ended: { accountId: string; userId: string }) => Promise<void>;
export type AccountPurger = (m: EntityManager, accountId: string) => Promise<void>;

export const MEMBERSHIP_ENDED: MembershipEndedHook[] = [];
export const ACCOUNT_PURGERS: AccountPurger[] = [];

export async function membershipEnded(m: EntityManager, now: Date, ended: { accountId: string; userId: string }): Promise<void> {
  for (const hook of MEMBERSHIP_ENDED) await hook(m, now, ended);
}

/** A closed account's data stays readable for its former manager this long, then it is deleted. */
export const CLOSED_RETENTION_MS = 30 * 24 * 3600 * 1000;
