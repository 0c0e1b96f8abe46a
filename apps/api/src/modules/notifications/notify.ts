import { In, LessThan, type EntityManager } from 'typeorm';
import { AUDIENCE_RIGHT, hasRight, type AccessLevel, type AccountStatus, type Audience } from '@kring/domain';
import type { AppServices } from '../../core/context';
import type { Db } from '../../db/data-source';
import { newId } from '../../db/columns';
import { AccountEntity, MembershipEntity } from '../accounts/account.entity';
import { UserEntity } from '../accounts/user.entity';
import { enqueueEmail } from '../outbox/outbox';
import { NotificationDigestEntity, NotificationEventEntity, NotificationPreferenceEntity, type NotificationKind } from './notification.entity';
import { DEFAULT_PREFS, type NotificationPrefs } from './preferences';
import { notificationMail } from './notification.mails';

/** At most one e-mail per person, account and kind in this period; the rest is bundled. */
export const BUNDLE_MS = 10 * 60_000;
const BATCH = 500;

/** Writes an event in the caller's transaction; the job turns events into e-mails. */
export async function queueNotification(
  m: EntityManager,
  now: Date,
  e: { accountId: string; kind: NotificationKind; audience?: Audience | null; actorUserId?: string | null },
): Promise<void> {
  await m.insert(NotificationEventEntity, {
    id: newId(),
    accountId: e.accountId,
    kind: e.kind,
    audience: e.audience ?? null,
    actorUserId: e.actorUserId ?? null,
    createdAt: now,
    processedAt: null,
  });
}

/** Nobody is told about what they may not see (DESIGN.md, notifications). */
export function mayBeTold(kind: NotificationKind, audience: Audience | null, level: AccessLevel | undefined, status: AccountStatus): boolean {
  switch (kind) {
    case 'NEW_MESSAGE':
      return hasRight(level, AUDIENCE_RIGHT[audience ?? 'TRUST_GROUP'], status);
    case 'CARE_PLAN_CHANGED':
      return hasRight(level, 'VIEW_DOSSIER', status);
  }
}

function wants(kind: NotificationKind, p: NotificationPrefs): boolean {
  switch (kind) {
    case 'NEW_MESSAGE':
      return p.newMessage;
    case 'CARE_PLAN_CHANGED':
      return p.carePlanChanged;
  }
}

/** Ids picked by `where`, locked for this transaction; rows another worker holds are skipped (MySQL). */
async function lockIds(db: Db, m: EntityManager, table: typeof NotificationEventEntity | typeof NotificationDigestEntity, where: string, params: Record<string, unknown>, order: string): Promise<string[]> {
  const [sql, values] = m.createQueryBuilder(table, 't').select('t.id', 'id').where(where, params).orderBy(order, 'ASC').limit(BATCH).getQueryAndParameters();
  const rows = (await m.query(sql + db.skipLocked, values)) as { id: string }[];
  return rows.map((r) => r.id);
}

interface Circle {
  members: MembershipEntity[];
  status: AccountStatus;
  prefs: Map<string, NotificationPrefs>;
}

async function circlesOf(m: EntityManager, accountIds: string[]): Promise<Map<string, Circle>> {
  if (!accountIds.length) return new Map();
  const [accounts, members, prefRows] = await Promise.all([
    m.findBy(AccountEntity, { id: In(accountIds) }),
    m.findBy(MembershipEntity, { accountId: In(accountIds) }),
    m.findBy(NotificationPreferenceEntity, { accountId: In(accountIds) }),
  ]);
  return new Map(
    accounts.map((a) => [
      a.id,
      {
        status: a.status,
        members: members.filter((x) => x.accountId === a.id),
        prefs: new Map(prefRows.filter((p) => p.accountId === a.id).map((p) => [p.userId, p])),
      },
    ]),
  );
}

/** Step 1: every new event adds to the pending counts of the people who may and want to hear of it. */
export async function collectEvents(services: AppServices): Promise<number> {
  const { db, clock } = services;
  return db.tx(async (m) => {
    const ids = await lockIds(db, m, NotificationEventEntity, 't.processedAt IS NULL', {}, 't.createdAt');
    if (!ids.length) return 0;
    const events = await m.findBy(NotificationEventEntity, { id: In(ids) });
    const circles = await circlesOf(m, [...new Set(events.map((e) => e.accountId))]);
    const add = new Map<string, { userId: string; accountId: string; kind: NotificationKind; all: number; trust: number }>();
    for (const e of events) {
      const circle = circles.get(e.accountId);
      if (!circle) continue;
      for (const member of circle.members) {
        if (member.userId === e.actorUserId) continue; // never told about one's own doing
        if (!mayBeTold(e.kind, e.audience, member.level, circle.status)) continue;
        if (!wants(e.kind, circle.prefs.get(member.userId) ?? DEFAULT_PREFS)) continue;
        const key = `${member.userId}|${e.accountId}|${e.kind}`;
        const entry = add.get(key) ?? { userId: member.userId, accountId: e.accountId, kind: e.kind, all: 0, trust: 0 };
        if (e.audience === 'TRUST_GROUP') entry.trust++;
        else entry.all++;
        add.set(key, entry);
      }
    }
    if (add.size) {
      const accountIds = [...new Set([...add.values()].map((x) => x.accountId))];
      const [sql, values] = m
        .createQueryBuilder(NotificationDigestEntity, 'd')
        .select('d.id', 'id')
        .where({ accountId: In(accountIds) })
        .getQueryAndParameters();
      const lockedIds = ((await m.query(sql + db.forUpdate, values)) as { id: string }[]).map((r) => r.id);
      const digests = lockedIds.length ? await m.findBy(NotificationDigestEntity, { id: In(lockedIds) }) : [];
      const existing = new Map(digests.map((d) => [`${d.userId}|${d.accountId}|${d.kind}`, d]));
      for (const [key, x] of add) {
        const d = existing.get(key);
        if (d) await m.update(NotificationDigestEntity, { id: d.id }, { pendingAll: d.pendingAll + x.all, pendingTrust: d.pendingTrust + x.trust });
        else await m.insert(NotificationDigestEntity, { id: newId(), userId: x.userId, accountId: x.accountId, kind: x.kind, pendingAll: x.all, pendingTrust: x.trust, lastSentAt: null });
      }
    }
    await m.update(NotificationEventEntity, { id: In(ids) }, { processedAt: clock.now() });
    return events.length;
  });
}

/**
 * Step 2: one e-mail per person, account and kind whose last e-mail is at least BUNDLE_MS ago.
 * Rights and choices are checked again now: a level lowered in between is respected.
 */
export async function sendDigests(services: AppServices): Promise<number> {
  const { db, clock, env } = services;
  const now = clock.now();
  return db.tx(async (m) => {
    const ids = await lockIds(
      db,
      m,
      NotificationDigestEntity,
      '(t.pendingAll > 0 OR t.pendingTrust > 0) AND (t.lastSentAt IS NULL OR t.lastSentAt <= :cutoff)',
      { cutoff: new Date(now.getTime() - BUNDLE_MS) },
      't.id',
    );
    if (!ids.length) return 0;
    const digests = await m.findBy(NotificationDigestEntity, { id: In(ids) });
    const circles = await circlesOf(m, [...new Set(digests.map((d) => d.accountId))]);
    const users = new Map((await m.findBy(UserEntity, { id: In([...new Set(digests.map((d) => d.userId))]) })).map((u) => [u.id, u]));
    const names = new Map((await m.findBy(AccountEntity, { id: In([...circles.keys()]) })).map((a) => [a.id, a.displayName]));
    let sent = 0;
    for (const d of digests) {
      const circle = circles.get(d.accountId);
      const level = circle?.members.find((x) => x.userId === d.userId)?.level;
      const status = circle?.status ?? 'CLOSED';
      const count =
        d.kind === 'NEW_MESSAGE'
          ? (mayBeTold(d.kind, 'ALL_CONNECTIONS', level, status) ? d.pendingAll : 0) + (mayBeTold(d.kind, 'TRUST_GROUP', level, status) ? d.pendingTrust : 0)
          : mayBeTold(d.kind, null, level, status)
            ? d.pendingAll
            : 0;
      const user = users.get(d.userId);
      const chosen = wants(d.kind, circle?.prefs.get(d.userId) ?? DEFAULT_PREFS);
      if (count > 0 && chosen && user) {
        const mail = notificationMail(d.kind, count, names.get(d.accountId) ?? '', user.locale, env.PUBLIC_WEB_URL);
        await enqueueEmail(m, now, { kind: d.kind === 'NEW_MESSAGE' ? 'new-messages' : 'care-plan-changed', to: user.email, ...mail });
        await m.update(NotificationDigestEntity, { id: d.id }, { pendingAll: 0, pendingTrust: 0, lastSentAt: now });
        sent++;
      } else {
        await m.update(NotificationDigestEntity, { id: d.id }, { pendingAll: 0, pendingTrust: 0 });
      }
    }
    return sent;
  });
}

/** Processed events are only needed until they are counted; a day later they go. */
export async function purgeProcessedEvents(services: AppServices): Promise<void> {
  const before = new Date(services.clock.now().getTime() - 24 * 3600_000);
  await services.db.tx((m) => m.delete(NotificationEventEntity, { processedAt: LessThan(before) }));
}

let lastPurge = 0;
export const notificationsJob = {
  name: 'notifications',
  everyMs: 5000,
  async run(services: AppServices) {
    await collectEvents(services);
    const sent = await sendDigests(services);
    const now = services.clock.now().getTime();
    if (now - lastPurge > 3600_000) {
      lastPurge = now;
      await purgeProcessedEvents(services);
    }
    return sent;
  },
};
