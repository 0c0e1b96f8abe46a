import { Brackets, In, type EntityManager } from 'typeorm';
import {
  MAX_DURATION_MINUTES,
  MAX_OCCURRENCES,
  RecurrenceError,
  checkWindow,
  expandSeries,
  hasRight,
  toRRule,
  type Occurrence,
  type RecurrenceRule,
  type TimeWindow,
} from '@kring/domain';
import type { Access } from '../../core/context';
import { badInput } from '../../core/errors';
import { MembershipEntity, AccountEntity } from '../accounts/account.entity';
import { UserEntity } from '../accounts/user.entity';
import { toPerson } from '../accounts/account.type';
import { ProviderEntity } from '../providers/provider.entity';
import { toProviderType } from '../providers/provider.type';
import { AppointmentEntity, AppointmentExdateEntity, AppointmentHelperEntity } from './appointment.entity';
import type { AppointmentType, RecurrenceType } from './calendar.type';

/*
 * Reading the calendar for a window in a constant number of queries, whatever the
 * number of accounts, series, exceptions and helpers: series, changed occurrences,
 * cancelled occurrences, helpers (and the people and providers they name) are
 * each loaded in one statement, then expanded in memory by the domain.
 */

const DAY = 86_400_000;
/** How far an occurrence that began before a window can reach into it. */
const REACH = MAX_DURATION_MINUTES * 60_000 + DAY;

export function ruleOf(a: Pick<AppointmentEntity, 'frequency' | 'interval' | 'untilDate' | 'count'>): RecurrenceRule | null {
  if (!a.frequency) return null;
  return { frequency: a.frequency, interval: a.interval ?? 1, untilDate: a.untilDate, count: a.count };
}

export function recurrenceOf(a: AppointmentEntity): RecurrenceType | null {
  const rule = ruleOf(a);
  if (!rule) return null;
  return { frequency: rule.frequency, interval: rule.interval, untilDate: rule.untilDate ?? null, count: rule.count ?? null, rrule: toRRule(rule, a.zone) };
}

/** The window as the API takes it; a refused one is BAD_USER_INPUT with the domain's reason. */
export function windowOf(from: Date, to: Date): TimeWindow {
  const window = { from, to };
  try {
    checkWindow(window);
  } catch (e) {
    if (e instanceof RecurrenceError) throw badInput(e.reason, e.message, 'to');
    throw e;
  }
  return window;
}

export interface CalendarRows {
  series: AppointmentEntity[];
  overrides: AppointmentEntity[];
  exdates: AppointmentExdateEntity[];
  /** By root appointment id */
  helpers: Map<string, string[]>;
}

/** Series and changed occurrences of these accounts that may show in the window (3-4 statements). */
export async function loadRows(m: EntityManager, accountIds: readonly string[] | 'ALL', window: TimeWindow): Promise<CalendarRows> {
  if (accountIds.length === 0) return { series: [], overrides: [], exdates: [], helpers: new Map() };
  const from = new Date(window.from.getTime() - REACH);
  const to = new Date(window.to.getTime() + DAY);
  const accountFilter = accountIds === 'ALL' ? '1 = 1' : 'a.accountId IN (:...ids)';
  const series = await m
    .createQueryBuilder(AppointmentEntity, 'a')
    .where(accountFilter, { ids: accountIds })
    .andWhere('a.parentAppointmentId IS NULL')
    .andWhere('a.startUtc < :to', { to: window.to })
    .andWhere(new Brackets((q) => q.where('a.lastEndUtc IS NULL').orWhere('a.lastEndUtc > :from', { from: window.from })))
    .getMany();
  const overrides = await m
    .createQueryBuilder(AppointmentEntity, 'a')
    .where(accountFilter, { ids: accountIds })
    .andWhere('a.parentAppointmentId IS NOT NULL')
    .andWhere(
      new Brackets((q) =>
        q
          .where('(a.startUtc >= :from AND a.startUtc < :to)', { from, to })
          .orWhere('(a.originalStartUtc >= :from AND a.originalStartUtc < :to)', { from, to }),
      ),
    )
    .getMany();
  // A changed occurrence may have moved out of its finished series' range: load those parents too.
  const known = new Set(series.map((s) => s.id));
  const missing = [...new Set(overrides.map((o) => o.parentAppointmentId!).filter((id) => !known.has(id)))];
  if (missing.length) series.push(...(await m.findBy(AppointmentEntity, { id: In(missing) })));
  const ids = series.map((s) => s.id);
  const exdates = ids.length
    ? await m
        .createQueryBuilder(AppointmentExdateEntity, 'x')
        .where('x.appointmentId IN (:...ids)', { ids })
        .andWhere('x.originalStartUtc >= :from AND x.originalStartUtc < :to', { from, to })
        .getMany()
    : [];
  const helpers = await helpersOf(m, ids);
  return { series, overrides, exdates, helpers };
}

export async function helpersOf(m: EntityManager, appointmentIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!appointmentIds.length) return map;
  for (const h of await m.findBy(AppointmentHelperEntity, { appointmentId: In([...appointmentIds]) })) {
    const list = map.get(h.appointmentId) ?? [];
    list.push(h.userId);
    map.set(h.appointmentId, list);
  }
  return map;
}

export interface ExpandedOccurrence extends Occurrence {
  /** The row shown: the series, or the changed occurrence. */
  row: AppointmentEntity;
  /** The series it belongs to (the row itself unless changed). */
  root: AppointmentEntity;
}

/** Expands the loaded rows for the window, sorted by start; refuses more than MAX_OCCURRENCES. */
export function expandRows(rows: CalendarRows, window: TimeWindow, cap = MAX_OCCURRENCES): ExpandedOccurrence[] {
  const exdatesBy = new Map<string, Date[]>();
  for (const x of rows.exdates) {
    const list = exdatesBy.get(x.appointmentId) ?? [];
    list.push(x.originalStartUtc);
    exdatesBy.set(x.appointmentId, list);
  }
  const overridesBy = new Map<string, AppointmentEntity[]>();
  const overrideById = new Map<string, AppointmentEntity>();
  for (const o of rows.overrides) {
    const list = overridesBy.get(o.parentAppointmentId!) ?? [];
    list.push(o);
    overridesBy.set(o.parentAppointmentId!, list);
    overrideById.set(o.id, o);
  }
  const out: ExpandedOccurrence[] = [];
  try {
    for (const s of rows.series) {
      const occurrences = expandSeries(
        {
          startUtc: s.startUtc,
          durationMinutes: s.durationMinutes,
          zone: s.zone,
          rule: ruleOf(s),
          exdates: exdatesBy.get(s.id) ?? [],
          overrides: (overridesBy.get(s.id) ?? []).map((o) => ({
            id: o.id,
            originalStart: o.originalStartUtc!,
            start: o.startUtc,
            durationMinutes: o.durationMinutes,
          })),
        },
        window,
      );
      for (const occ of occurrences) {
        const row = occ.overrideId ? overrideById.get(occ.overrideId)! : s;
        out.push({ ...occ, row, root: s });
      }
      if (out.length > cap) throw new RecurrenceError('TOO_MANY_OCCURRENCES', 'Te veel afspraken in deze periode; kies een kortere periode.');
    }
  } catch (e) {
    if (e instanceof RecurrenceError) throw badInput(e.reason, e.message);
    throw e;
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.root.id < b.root.id ? -1 : a.root.id > b.root.id ? 1 : 0));
}

/** People and providers named by the rows, in one statement each. */
export async function loadNames(
  m: EntityManager,
  helpers: Map<string, string[]>,
  rows: readonly AppointmentEntity[],
): Promise<{ users: Map<string, UserEntity>; providers: Map<string, ProviderEntity> }> {
  const userIds = [...new Set([...helpers.values()].flat())];
  const providerIds = [...new Set(rows.map((r) => r.providerId).filter((x): x is string => !!x))];
  const users = userIds.length ? await m.findBy(UserEntity, { id: In(userIds) }) : [];
  const providers = providerIds.length ? await m.findBy(ProviderEntity, { id: In(providerIds) }) : [];
  return { users: new Map(users.map((u) => [u.id, u])), providers: new Map(providers.map((p) => [p.id, p])) };
}

export function toAppointmentType(
  row: AppointmentEntity,
  root: AppointmentEntity,
  access: Access,
  names: { users: Map<string, UserEntity>; providers: Map<string, ProviderEntity> },
  helperIds: readonly string[],
  apiUrl: string,
): AppointmentType {
  const provider = row.providerId ? names.providers.get(row.providerId) : undefined;
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    start: row.startUtc,
    durationMinutes: row.durationMinutes,
    location: row.location,
    description: row.description,
    recurrence: row.id === root.id ? recurrenceOf(row) : null,
    helpers: helperIds
      .map((id) => names.users.get(id))
      .filter((u): u is UserEntity => !!u)
      .map((u) => toPerson(u, apiUrl))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    practitionerName: row.practitionerName,
    provider: provider ? toProviderType(provider) : null,
    videoUrl: row.videoUrl,
    cancelled: row.cancelledAt !== null,
    canEdit: row.source === 'PRIVATE' && hasRight(access.level, 'EDIT_CALENDAR', access.status),
  };
}

/** Users who may see an account's calendar (the members a helper is chosen from), in one statement. */
export async function calendarMembers(m: EntityManager, accountId: string): Promise<UserEntity[]> {
  const account = await m.findOneBy(AccountEntity, { id: accountId });
  if (!account) return [];
  const memberships = await m.findBy(MembershipEntity, { accountId });
  const ids = memberships.filter((ms) => hasRight(ms.level, 'VIEW_CALENDAR', account.status)).map((ms) => ms.userId);
  if (!ids.length) return [];
  const users = await m.findBy(UserEntity, { id: In(ids) });
  return users.sort((a, b) => `${a.firstName} ${a.lastName}`.localeCompare(`${b.firstName} ${b.lastName}`, 'nl'));
}
