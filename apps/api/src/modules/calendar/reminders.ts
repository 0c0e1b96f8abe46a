import { In, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { formatLocalDateTime, hasRight } from '@kring/domain';
import type { AppServices } from '../../core/context';
import { newId } from '../../db/columns';
import type { Job } from '../../worker/workers';
import { AccountEntity, MembershipEntity } from '../accounts/account.entity';
import { UserEntity } from '../accounts/user.entity';
import { enqueueEmail } from '../outbox/outbox';
import { renderMail } from '../outbox/mail';
import { preferencesFor } from '../notifications/preferences';
import { ReminderSentEntity } from './appointment.entity';
import { expandRows, loadRows, type ExpandedOccurrence } from './calendar.query';
import { outsideTitle } from './calendar.ics';

/*
 * "Bijna begint": an e-mail before an occurrence starts, at the lead time each
 * person chose for the account (notification preferences), to the account's people
 * who may see the calendar and chose it, and to the helpers asked along. The unique
 * key (appointment, original start, person) of reminders_sent, written in the same
 * transaction as the outbox row, makes it once whatever restarts or workers run.
 * A moved occurrence is reminded at its new time; a cancelled one not at all.
 */

export interface ReminderPreference {
  appointmentStarting: boolean;
  appointmentLeadMinutes: number;
}

/** Preferences of (user, account) pairs, keyed `${userId}:${accountId}`; defaults when none stored. */
export type ReminderPreferencesLoader = (
  m: EntityManager,
  pairs: readonly { userId: string; accountId: string }[],
) => Promise<Map<string, ReminderPreference>>;

export const DEFAULT_REMINDER: ReminderPreference = { appointmentStarting: true, appointmentLeadMinutes: 60 };
/** The longest lead time looked ahead for. */
export const MAX_LEAD_MINUTES = 24 * 60;

/** Stored choices (modules/notifications), one statement per account involved. */
let preferencesLoader: ReminderPreferencesLoader = async (m, pairs) => {
  const byAccount = new Map<string, string[]>();
  for (const p of pairs) byAccount.set(p.accountId, [...(byAccount.get(p.accountId) ?? []), p.userId]);
  const out = new Map<string, ReminderPreference>();
  for (const [accountId, userIds] of byAccount) {
    for (const [userId, prefs] of await preferencesFor(m, userIds, accountId)) out.set(`${userId}:${accountId}`, prefs);
  }
  return out;
};

/** Tests (or another store) may replace the reader of the preferences. */
export function registerReminderPreferences(loader: ReminderPreferencesLoader): void {
  preferencesLoader = loader;
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; message?: string } | null;
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

interface Due {
  occ: ExpandedOccurrence;
  userId: string;
}

/** One pass: sends what is due now; returns how many reminders were written. */
export async function sendDueReminders(services: AppServices): Promise<number> {
  const { db, clock, env } = services;
  const m = db.manager;
  const now = clock.now();
  const window = { from: now, to: new Date(now.getTime() + MAX_LEAD_MINUTES * 60_000 + 60_000) };
  const rows = await loadRows(m, 'ALL', window);
  const occurrences = expandRows(rows, window, Number.MAX_SAFE_INTEGER).filter(
    (o) => o.row.cancelledAt === null && o.start.getTime() > now.getTime(),
  );
  if (!occurrences.length) return 0;

  const accountIds = [...new Set(occurrences.map((o) => o.root.accountId))];
  const [accounts, memberships] = await Promise.all([
    m.findBy(AccountEntity, { id: In(accountIds) }),
    m.findBy(MembershipEntity, { accountId: In(accountIds) }),
  ]);
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const viewers = new Map<string, string[]>();
  for (const ms of memberships) {
    const account = accountById.get(ms.accountId);
    if (!account || !hasRight(ms.level, 'VIEW_CALENDAR', account.status)) continue;
    if (account.status === 'CLOSED') continue;
    viewers.set(ms.accountId, [...(viewers.get(ms.accountId) ?? []), ms.userId]);
  }
  const pairs = [...viewers.entries()].flatMap(([accountId, users]) => users.map((userId) => ({ userId, accountId })));
  const prefs = await preferencesLoader(m, pairs);
  const sent = await m.findBy(ReminderSentEntity, {
    appointmentId: In([...new Set(occurrences.map((o) => o.root.id))]),
    originalStartUtc: MoreThanOrEqual(new Date(now.getTime() - 16 * 86_400_000)),
  });
  const done = new Set(sent.map((s) => `${s.appointmentId}|${s.originalStartUtc.getTime()}|${s.userId}`));

  const due: Due[] = [];
  for (const occ of occurrences) {
    const helpers = new Set(rows.helpers.get(occ.root.id) ?? []);
    for (const userId of viewers.get(occ.root.accountId) ?? []) {
      const pref = prefs.get(`${userId}:${occ.root.accountId}`) ?? DEFAULT_REMINDER;
      // Everyone who chose it; a helper asked along is reminded of this one in any case.
      if (!pref.appointmentStarting && !helpers.has(userId)) continue;
      const lead = Math.min(Math.max(pref.appointmentLeadMinutes, 0), MAX_LEAD_MINUTES);
      if (occ.start.getTime() - lead * 60_000 > now.getTime()) continue;
      if (done.has(`${occ.root.id}|${occ.originalStart.getTime()}|${userId}`)) continue;
      due.push({ occ, userId });
    }
  }
  if (!due.length) return 0;
  const users = new Map((await m.findBy(UserEntity, { id: In([...new Set(due.map((d) => d.userId))]) })).map((u) => [u.id, u]));

  let written = 0;
  for (const { occ, userId } of due) {
    const user = users.get(userId);
    const account = accountById.get(occ.root.accountId);
    if (!user || !account) continue;
    try {
      await db.tx(async (tx) => {
        await tx.insert(ReminderSentEntity, {
          id: newId(),
          appointmentId: occ.root.id,
          originalStartUtc: occ.originalStart,
          userId,
          startUtc: occ.start,
          sentAt: now,
        });
        const en = user.locale === 'en';
        const when = formatLocalDateTime(occ.start, occ.row.zone, user.locale);
        const what = outsideTitle(occ.row, user.locale);
        const own = account.ownerUserId === userId;
        const mail = renderMail({
          subject: en ? `Starting soon: ${what}` : `Bijna begint: ${what}`,
          heading: en ? 'An appointment starts soon' : 'Een afspraak begint bijna',
          paragraphs: [
            en
              ? `"${what}"${own ? '' : ` of ${account.displayName}`} starts on ${when}.`
              : `"${what}"${own ? '' : ` van ${account.displayName}`} begint ${when}.`,
          ],
          action: { label: en ? 'Open the agenda' : 'Open de agenda', url: `${env.PUBLIC_WEB_URL}/kalender` },
          footnote: en ? 'You can change these e-mails under Notifications.' : 'Je kunt deze e-mails aanpassen bij Meldingen.',
        });
        await enqueueEmail(tx, now, { kind: 'appointment-reminder', to: user.email, ...mail });
      });
      written++;
    } catch (error) {
      // Another worker sent this one first.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return written;
}

export const reminderJob: Job = {
  name: 'appointment-reminders',
  everyMs: 30_000,
  run: sendDueReminders,
};
