import type { EntityManager, EntityMetadata } from 'typeorm';

/**
 * Extension points for other modules (push one function each, at import time):
 * - MEMBERSHIP_ENDED: a user's connection to an account ended (removed, left, or the account was
 *   deactivated); e.g. drop their notification choices or appointment-helper rows for that account.
 * - ACCOUNT_PURGERS: a closed account's 30 days are over; delete the module's rows keyed by accountId.
 * Both run inside the transaction of the change, before the generic clean-up below.
 */
export type MembershipEndedHook = (m: EntityManager, now: Date, ended: { accountId: string; userId: string }) => Promise<void>;
export type AccountPurger = (m: EntityManager, accountId: string) => Promise<void>;

export const MEMBERSHIP_ENDED: MembershipEndedHook[] = [];
export const ACCOUNT_PURGERS: AccountPurger[] = [];

/** A closed account's data stays readable for its former manager this long, then it is deleted. */
export const CLOSED_RETENTION_MS = 30 * 24 * 3600 * 1000;

/**
 * Tables the generic purge leaves alone: the access log is kept (NEN 7513; it holds no content),
 * a provider's patient record is the provider's (deactivation already unlinked it), and the
 * account, its memberships and invitations are deleted by the purge itself, last.
 */
const KEPT = new Set(['access_log', 'access_log_heads', 'patient_records', 'accounts', 'memberships', 'invitations']);

/** Rows that hang off an account's rows by their id rather than by accountId: [parent table, child column]. */
const CHILDREN: Record<string, string> = {
  appointment_exdates: 'appointments.appointmentId',
  appointment_helpers: 'appointments.appointmentId',
  reminders_sent: 'appointments.appointmentId',
};

const has = (meta: EntityMetadata, property: string) => meta.findColumnsWithPropertyPath(property).length > 0;

function childTables(m: EntityManager): { meta: EntityMetadata; parent: EntityMetadata; column: string }[] {
  const byTable = new Map(m.dataSource.entityMetadatas.map((e) => [e.tableName, e]));
  return Object.entries(CHILDREN).flatMap(([child, ref]) => {
    const [parentTable, column] = ref.split('.') as [string, string];
    const meta = byTable.get(child);
    const parent = byTable.get(parentTable);
    return meta && parent && has(meta, column) ? [{ meta, parent, column }] : [];
  });
}

/** Every other module's rows keyed by the account (and their children), whatever modules exist. */
export async function purgeAccountRows(m: EntityManager, accountId: string): Promise<void> {
  for (const { meta, parent, column } of childTables(m)) {
    const ids = m.createQueryBuilder(parent.target, 'p').select('p.id').where('p.accountId = :accountId');
    await m
      .createQueryBuilder()
      .delete()
      .from(meta.target)
      .where(`${column} IN (${ids.getQuery()})`, { accountId })
      .execute();
  }
  for (const meta of m.dataSource.entityMetadatas) {
    if (KEPT.has(meta.tableName) || !has(meta, 'accountId')) continue;
    await m.createQueryBuilder().delete().from(meta.target).where('accountId = :accountId', { accountId }).execute();
  }
}

/**
 * A connection ended: the user's own rows for that account go too (notification choices, being
 * a helper on its appointments), so that nothing keeps reaching them from an account they left.
 */
export async function membershipEnded(m: EntityManager, now: Date, ended: { accountId: string; userId: string }): Promise<void> {
  for (const hook of MEMBERSHIP_ENDED) await hook(m, now, ended);
  for (const { meta, parent, column } of childTables(m)) {
    if (!has(meta, 'userId')) continue;
    const ids = m.createQueryBuilder(parent.target, 'p').select('p.id').where('p.accountId = :accountId');
    await m
      .createQueryBuilder()
      .delete()
      .from(meta.target)
      .where(`userId = :userId AND ${column} IN (${ids.getQuery()})`, { accountId: ended.accountId, userId: ended.userId })
      .execute();
  }
  for (const meta of m.dataSource.entityMetadatas) {
    if (KEPT.has(meta.tableName) || !has(meta, 'accountId') || !has(meta, 'userId')) continue;
    await m
      .createQueryBuilder()
      .delete()
      .from(meta.target)
      .where('accountId = :accountId AND userId = :userId', ended)
      .execute();
  }
}
