import { In, type EntityManager } from 'typeorm';
import { NotificationPreferenceEntity } from './notification.entity';

export interface NotificationPrefs {
  appointmentStarting: boolean;
  appointmentLeadMinutes: number;
  newMessage: boolean;
  carePlanChanged: boolean;
}

export const DEFAULT_PREFS: Readonly<NotificationPrefs> = Object.freeze({
  appointmentStarting: true,
  appointmentLeadMinutes: 60,
  newMessage: true,
  carePlanChanged: true,
});

export const MIN_LEAD_MINUTES = 5;
export const MAX_LEAD_MINUTES = 1440;

const pick = (r: NotificationPreferenceEntity): NotificationPrefs => ({
  appointmentStarting: r.appointmentStarting,
  appointmentLeadMinutes: r.appointmentLeadMinutes,
  newMessage: r.newMessage,
  carePlanChanged: r.carePlanChanged,
});

/**
 * The choices of these users for one account, defaults filled in, in one query
 * (for reminders and the notifications job). Every given user id is in the map.
 */
export async function preferencesFor(m: EntityManager, userIds: readonly string[], accountId: string): Promise<Map<string, NotificationPrefs>> {
  const rows = userIds.length ? await m.findBy(NotificationPreferenceEntity, { accountId, userId: In([...new Set(userIds)]) }) : [];
  const byUser = new Map(rows.map((r) => [r.userId, pick(r)]));
  return new Map(userIds.map((id) => [id, byUser.get(id) ?? { ...DEFAULT_PREFS }]));
}

/** One user's choices for several accounts (the /meldingen page), in one query. */
export async function preferencesOfUser(m: EntityManager, userId: string, accountIds: readonly string[]): Promise<Map<string, NotificationPrefs>> {
  const rows = accountIds.length ? await m.findBy(NotificationPreferenceEntity, { userId, accountId: In([...new Set(accountIds)]) }) : [];
  const byAccount = new Map(rows.map((r) => [r.accountId, pick(r)]));
  return new Map(accountIds.map((id) => [id, byAccount.get(id) ?? { ...DEFAULT_PREFS }]));
}
