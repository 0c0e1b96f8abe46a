import { In, MoreThanOrEqual, type EntityManager } from 'typeorm';
import {
  isSeriesOccurrence,
  seriesEnd,
  splitSeries,
  validateDuration,
  validateRecurrence,
  type RecurrenceRule,
} from '@kring/domain';
import type { Access, Context } from '../../core/context';
import { requireRightOnEntity, requireViewer } from '../../core/access';
import { AppError, badInput } from '../../core/errors';
import { newId } from '../../db/columns';
import { AppointmentEntity, AppointmentExdateEntity, AppointmentHelperEntity } from './appointment.entity';
import { calendarMembers, helpersOf, loadNames, ruleOf, toAppointmentType } from './calendar.query';
import { notifyHelpers } from './calendar.mail';
import type { AppointmentInput, AppointmentType, OccurrenceScope, RecurrenceInput } from './calendar.type';

const PROBLEM_TEXT: Record<string, string> = {
  INTERVAL_OUT_OF_RANGE: 'Kies een herhaling van 1 tot en met 99.',
  COUNT_OUT_OF_RANGE: 'Kies een aantal keer van 1 tot en met 1000.',
  UNTIL_INVALID: 'Geen geldige einddatum.',
  UNTIL_BEFORE_START: 'De einddatum ligt voor de eerste afspraak.',
  UNTIL_AND_COUNT: 'Kies een einddatum of een aantal keer, niet allebei.',
  FREQUENCY_INVALID: 'Kies dagen, weken, maanden of jaren.',
  ZONE_INVALID: 'Onbekende tijdzone.',
  DURATION_OUT_OF_RANGE: 'Kies een duur van 1 minuut tot 14 dagen.',
};

function text(value: string | null | undefined, max: number, field: string, required: boolean): string | null {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) throw badInput('REQUIRED', 'Dit veld is verplicht.', field);
    return null;
  }
  if (v.length > max) throw badInput('TOO_LONG', `Maximaal ${max} tekens.`, field);
  return v;
}

interface CleanInput {
  title: string;
  startUtc: Date;
  durationMinutes: number;
  location: string | null;
  description: string | null;
  rule: RecurrenceRule | null;
  helperIds: string[] | null;
}

/** Checks the input completely before anything is stored. */
function clean(input: AppointmentInput, zone: string): CleanInput {
  const title = text(input.title, 200, 'title', true)!;
  if (!(input.start instanceof Date) || Number.isNaN(input.start.getTime())) throw badInput('INVALID_DATE', 'Geen geldige begintijd.', 'start');
  const durationProblem = validateDuration(input.durationMinutes);
  if (durationProblem) throw badInput(durationProblem, PROBLEM_TEXT[durationProblem]!, 'durationMinutes');
  const rule = input.recurrence ? ruleFromInput(input.recurrence) : null;
  if (rule) {
    const problem = validateRecurrence(rule, input.start, zone);
    if (problem) throw badInput(problem, PROBLEM_TEXT[problem]!, 'recurrence');
  }
  return {
    title,
    startUtc: new Date(Math.floor(input.start.getTime() / 1000) * 1000),
    durationMinutes: input.durationMinutes,
    location: text(input.location, 300, 'location', false),
    description: text(input.description, 4000, 'description', false),
    rule,
    helperIds: input.helperIds ? [...new Set(input.helperIds)] : null,
  };
}

function ruleFromInput(r: RecurrenceInput): RecurrenceRule {
  return { frequency: r.frequency, interval: r.interval ?? 1, untilDate: r.untilDate ?? null, count: r.count ?? null };
}

function ruleColumns(rule: RecurrenceRule | null) {
  return {
    frequency: rule?.frequency ?? null,
    interval: rule ? rule.interval : null,
    untilDate: rule?.untilDate ?? null,
    count: rule?.count ?? null,
  };
}

function lastEnd(a: Pick<AppointmentEntity, 'startUtc' | 'durationMinutes' | 'zone'>, rule: RecurrenceRule | null): Date | null {
  return seriesEnd({ startUtc: a.startUtc, durationMinutes: a.durationMinutes, zone: a.zone, rule });
}

const sameRule = (a: RecurrenceRule | null, b: RecurrenceRule | null) =>
  (a === null && b === null) ||
  (a !== null && b !== null && a.frequency === b.frequency && a.interval === b.interval && (a.untilDate ?? null) === (b.untilDate ?? null) && (a.count ?? null) === (b.count ?? null));

/** Helpers must be people who can see the account's calendar. */
async function checkHelpers(m: EntityManager, accountId: string, helperIds: readonly string[]): Promise<void> {
  if (!helperIds.length) return;
  const members = new Set((await calendarMembers(m, accountId)).map((u) => u.id));
  if (helperIds.some((id) => !members.has(id))) {
    throw badInput('NOT_A_MEMBER', 'Je kunt alleen iemand vragen die deze agenda kan zien.', 'helperIds');
  }
}

async function replaceHelpers(m: EntityManager, appointmentId: string, helperIds: readonly string[]): Promise<{ added: string[]; removed: string[]; kept: string[] }> {
  const current = (await m.findBy(AppointmentHelperEntity, { appointmentId })).map((h) => h.userId);
  const next = new Set(helperIds);
  const added = helperIds.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !next.has(id));
  if (removed.length) await m.delete(AppointmentHelperEntity, { appointmentId, userId: In(removed) });
  for (const userId of added) await m.insert(AppointmentHelperEntity, { id: newId(), appointmentId, userId });
  return { added, removed, kept: current.filter((id) => next.has(id)) };
}

/** The GraphQL view of one stored row, loading its helpers and provider. */
export async function appointmentView(ctx: Context, row: AppointmentEntity, access: Access, m: EntityManager = ctx.db.manager): Promise<AppointmentType> {
  const rootId = row.parentAppointmentId ?? row.id;
  const root = rootId === row.id ? row : ((await m.findOneBy(AppointmentEntity, { id: rootId })) ?? row);
  const helpers = await helpersOf(m, [rootId]);
  const names = await loadNames(m, helpers, [row]);
  return toAppointmentType(row, root, access, names, helpers.get(rootId) ?? [], ctx.env.PUBLIC_API_URL);
}

export async function createAppointment(ctx: Context, accountId: string, input: AppointmentInput): Promise<AppointmentType> {
  const viewer = requireViewer(ctx);
  const access = await ctx.loaders.access.load(accountId);
  if (!access) throw new AppError('NOT_FOUND');
  const zone = access.account.timeZone;
  const c = clean(input, zone);
  const now = ctx.clock.now();
  const row = await ctx.db.tx(async (m) => {
    if (c.helperIds) await checkHelpers(m, accountId, c.helperIds);
    const row: AppointmentEntity = m.create(AppointmentEntity, {
      id: newId(),
      accountId,
      source: 'PRIVATE',
      providerId: null,
      externalId: null,
      title: c.title,
      startUtc: c.startUtc,
      durationMinutes: c.durationMinutes,
      zone,
      ...ruleColumns(c.rule),
      lastEndUtc: null,
      location: c.location,
      description: c.description,
      practitionerName: null,
      videoUrl: null,
      cancelledAt: null,
      createdByUserId: viewer.userId,
      parentAppointmentId: null,
      originalStartUtc: null,
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    });
    row.lastEndUtc = lastEnd(row, c.rule);
    await m.insert(AppointmentEntity, row);
    if (c.helperIds?.length) {
      await replaceHelpers(m, row.id, c.helperIds);
      await notifyHelpers(m, ctx.env, now, 'invite', row, c.helperIds, { actorUserId: viewer.userId });
    }
    return row;
  });
  return appointmentView(ctx, row, access);
}

async function loadForEdit(ctx: Context, id: string, opts: { providerAllowed: boolean }) {
  const row = await ctx.db.manager.findOneBy(AppointmentEntity, { id });
  const { entity, access } = await requireRightOnEntity(ctx, row, (a) => a.accountId, 'EDIT_CALENDAR');
  if (!opts.providerAllowed && entity.source === 'PROVIDER') {
    throw new AppError('FORBIDDEN', 'Afspraken van een zorgaanbieder kun je niet zelf wijzigen.', { reason: 'PROVIDER_APPOINTMENT' });
  }
  return { row: entity, access };
}

/** The occurrence a single-occurrence change names; refused when the series puts none there. */
async function requireOccurrence(m: EntityManager, root: AppointmentEntity, occurrenceStart: Date | null | undefined): Promise<Date> {
  if (!occurrenceStart) throw badInput('OCCURRENCE_REQUIRED', 'Kies welke afspraak van de reeks je bedoelt.', 'occurrenceStart');
  const at = new Date(occurrenceStart.getTime());
  const ok =
    isSeriesOccurrence({ startUtc: root.startUtc, zone: root.zone, rule: ruleOf(root) }, at) &&
    !(await m.findOneBy(AppointmentExdateEntity, { appointmentId: root.id, originalStartUtc: at }));
  if (!ok) throw badInput('NOT_AN_OCCURRENCE', 'Op dat moment is er geen afspraak van deze reeks.', 'occurrenceStart');
  return at;
}

export async function updateAppointment(
  ctx: Context,
  id: string,
  input: AppointmentInput,
  scope: OccurrenceScope,
  occurrenceStart: Date | null | undefined,
): Promise<AppointmentType> {
  const viewer = requireViewer(ctx);
  const { row: found, access } = await loadForEdit(ctx, id, { providerAllowed: false });
  const c = clean(input, found.zone);
  const now = ctx.clock.now();
  const result = await ctx.db.tx(async (m) => {
    const row = await m.findOneBy(AppointmentEntity, { id });
    if (!row) throw new AppError('NOT_FOUND');
    const rootId = row.parentAppointmentId ?? row.id;
    if (c.helperIds) await checkHelpers(m, row.accountId, c.helperIds);
    const fields = {
      title: c.title,
      startUtc: c.startUtc,
      durationMinutes: c.durationMinutes,
      location: c.location,
      description: c.description,
      updatedAt: now,
      sequence: row.sequence + 1,
    };

    const helperChange = async (root: AppointmentEntity, occurrence?: Date) => {
      let added: string[] = [];
      let removed: string[] = [];
      let kept = (await helpersOf(m, [root.id])).get(root.id) ?? [];
      if (c.helperIds) ({ added, removed, kept } = await replaceHelpers(m, root.id, c.helperIds));
      const fresh = (await m.findOneBy(AppointmentEntity, { id: root.id })) ?? root;
      const o = { actorUserId: viewer.userId, ...(occurrence ? { occurrenceStart: occurrence } : {}) };
      await notifyHelpers(m, ctx.env, now, 'update', fresh, kept, o);
      await notifyHelpers(m, ctx.env, now, 'invite', fresh, added, o);
      await notifyHelpers(m, ctx.env, now, 'uninvite', fresh, removed, o);
    };

    // A changed single occurrence: whatever the scope, it is changed on its own.
    if (row.parentAppointmentId) {
      await m.update(AppointmentEntity, { id: row.id }, fields);
      const root = await m.findOneByOrFail(AppointmentEntity, { id: rootId });
      await helperChange(root, c.startUtc);
      return m.findOneByOrFail(AppointmentEntity, { id: row.id });
    }
    const oldRule = ruleOf(row);
    const effective: OccurrenceScope = oldRule ? scope : 'ALL_OCCURRENCES';

    if (effective === 'THIS_OCCURRENCE') {
      const original = await requireOccurrence(m, row, occurrenceStart);
      const existing = await m.findOneBy(AppointmentEntity, { parentAppointmentId: row.id, originalStartUtc: original });
      if (existing) {
        await m.update(AppointmentEntity, { id: existing.id }, fields);
      } else {
        await m.insert(AppointmentEntity, {
          ...row,
          ...fields,
          ...ruleColumns(null),
          id: newId(),
          parentAppointmentId: row.id,
          originalStartUtc: original,
          lastEndUtc: new Date(c.startUtc.getTime() + c.durationMinutes * 60_000),
          createdByUserId: viewer.userId,
          createdAt: now,
          sequence: 0,
        });
      }
      await helperChange(row, c.startUtc);
      return m.findOneByOrFail(AppointmentEntity, { parentAppointmentId: row.id, originalStartUtc: original });
    }

    if (effective === 'THIS_AND_FOLLOWING') {
      const original = await requireOccurrence(m, row, occurrenceStart);
      const split = splitSeries({ startUtc: row.startUtc, zone: row.zone, rule: oldRule }, original);
      if (split.head) {
        const newRule = c.rule && sameRule(c.rule, oldRule) ? split.tail.rule : c.rule;
        // End the old series the day before, and start a new one from this occurrence on.
        await m.update(AppointmentEntity, { id: row.id }, { ...ruleColumns(split.head), lastEndUtc: lastEnd(row, split.head), updatedAt: now, sequence: row.sequence + 1 });
        const tail: AppointmentEntity = m.create(AppointmentEntity, {
          ...row,
          ...fields,
          ...ruleColumns(newRule),
          id: newId(),
          createdByUserId: viewer.userId,
          createdAt: now,
          sequence: 0,
        });
        tail.lastEndUtc = lastEnd(tail, newRule);
        await m.insert(AppointmentEntity, tail);
        // Exceptions from the split on: kept on the new series when it keeps the same times, else dropped.
        const keep = c.startUtc.getTime() === original.getTime() && sameRule(c.rule, oldRule);
        const laterOverrides = await m.findBy(AppointmentEntity, { parentAppointmentId: row.id, originalStartUtc: MoreThanOrEqual(original) });
        const laterExdates = await m.findBy(AppointmentExdateEntity, { appointmentId: row.id, originalStartUtc: MoreThanOrEqual(original) });
        if (keep) {
          if (laterOverrides.length) await m.update(AppointmentEntity, { id: In(laterOverrides.map((o) => o.id)) }, { parentAppointmentId: tail.id });
          if (laterExdates.length) await m.update(AppointmentExdateEntity, { id: In(laterExdates.map((x) => x.id)) }, { appointmentId: tail.id });
        } else {
          if (laterOverrides.length) await m.delete(AppointmentEntity, { id: In(laterOverrides.map((o) => o.id)) });
          if (laterExdates.length) await m.delete(AppointmentExdateEntity, { id: In(laterExdates.map((x) => x.id)) });
        }
        const oldHelpers = (await helpersOf(m, [row.id])).get(row.id) ?? [];
        for (const userId of c.helperIds ?? oldHelpers) await m.insert(AppointmentHelperEntity, { id: newId(), appointmentId: tail.id, userId });
        const o = { actorUserId: viewer.userId, occurrenceStart: c.startUtc };
        const newHelpers = c.helperIds ?? oldHelpers;
        await notifyHelpers(m, ctx.env, now, 'update', tail, newHelpers.filter((h) => oldHelpers.includes(h)), o);
        await notifyHelpers(m, ctx.env, now, 'invite', tail, newHelpers.filter((h) => !oldHelpers.includes(h)), o);
        await notifyHelpers(m, ctx.env, now, 'uninvite', row, oldHelpers.filter((h) => !newHelpers.includes(h)), o);
        return tail;
      }
      // Split at the very first occurrence: that is the whole series.
    }

    // ALL_OCCURRENCES
    const timesChanged = row.startUtc.getTime() !== c.startUtc.getTime() || !sameRule(oldRule, c.rule);
    if (timesChanged) {
      // Exceptions named occurrences of the old times; they no longer exist.
      await m.delete(AppointmentEntity, { parentAppointmentId: row.id });
      await m.delete(AppointmentExdateEntity, { appointmentId: row.id });
    }
    const next = { ...row, ...fields };
    await m.update(AppointmentEntity, { id: row.id }, { ...fields, ...ruleColumns(c.rule), lastEndUtc: lastEnd(next, c.rule) });
    await helperChange(row);
    return m.findOneByOrFail(AppointmentEntity, { id: row.id });
  });
  return appointmentView(ctx, result, access);
}

export async function deleteAppointment(
  ctx: Context,
  id: string,
  scope: OccurrenceScope,
  occurrenceStart: Date | null | undefined,
): Promise<boolean> {
  const viewer = requireViewer(ctx);
  await loadForEdit(ctx, id, { providerAllowed: false });
  const now = ctx.clock.now();
  await ctx.db.tx(async (m) => {
    const row = await m.findOneBy(AppointmentEntity, { id });
    if (!row) throw new AppError('NOT_FOUND');
    const root = row.parentAppointmentId ? await m.findOneByOrFail(AppointmentEntity, { id: row.parentAppointmentId }) : row;
    const helpers = (await helpersOf(m, [root.id])).get(root.id) ?? [];
    const o = { actorUserId: viewer.userId };
    const effective: OccurrenceScope = ruleOf(root) ? scope : 'ALL_OCCURRENCES';
    // A changed occurrence names itself; the scope says whether its series goes along.
    const at: Date | null | undefined = row.parentAppointmentId ? row.originalStartUtc : occurrenceStart;

    if (effective === 'THIS_OCCURRENCE') {
      const original = row.parentAppointmentId ? row.originalStartUtc! : await requireOccurrence(m, root, at);
      const override = await m.findOneBy(AppointmentEntity, { parentAppointmentId: root.id, originalStartUtc: original });
      const shownAt = override?.startUtc ?? original;
      if (override) await m.delete(AppointmentEntity, { id: override.id });
      await m.insert(AppointmentExdateEntity, { id: newId(), appointmentId: root.id, originalStartUtc: original });
      await m.update(AppointmentEntity, { id: root.id }, { updatedAt: now, sequence: root.sequence + 1 });
      await notifyHelpers(m, ctx.env, now, 'cancel-occurrence', root, helpers, { ...o, occurrenceStart: shownAt });
      return;
    }
    if (effective === 'THIS_AND_FOLLOWING') {
      const original = row.parentAppointmentId ? row.originalStartUtc! : await requireOccurrence(m, root, at);
      const split = splitSeries({ startUtc: root.startUtc, zone: root.zone, rule: ruleOf(root) }, original);
      if (split.head) {
        await m.update(AppointmentEntity, { id: root.id }, { ...ruleColumns(split.head), lastEndUtc: lastEnd(root, split.head), updatedAt: now, sequence: root.sequence + 1 });
        await m.delete(AppointmentEntity, { parentAppointmentId: root.id, originalStartUtc: MoreThanOrEqual(original) });
        await m.delete(AppointmentExdateEntity, { appointmentId: root.id, originalStartUtc: MoreThanOrEqual(original) });
        const fresh = await m.findOneByOrFail(AppointmentEntity, { id: root.id });
        await notifyHelpers(m, ctx.env, now, 'update', fresh, helpers, o);
        return;
      }
    }
    // The whole series (or a one-off).
    await notifyHelpers(m, ctx.env, now, 'cancel', root, helpers, o);
    await removeSeries(m, root.id);
  });
  return true;
}

export async function removeSeries(m: EntityManager, rootId: string): Promise<void> {
  const overrides = await m.findBy(AppointmentEntity, { parentAppointmentId: rootId });
  await m.delete(AppointmentHelperEntity, { appointmentId: In([rootId, ...overrides.map((o) => o.id)]) });
  await m.delete(AppointmentExdateEntity, { appointmentId: rootId });
  await m.delete(AppointmentEntity, { parentAppointmentId: rootId });
  await m.delete(AppointmentEntity, { id: rootId });
}

export async function setAppointmentHelpers(ctx: Context, id: string, helperIds: readonly string[]): Promise<AppointmentType> {
  const viewer = requireViewer(ctx);
  const { row: found, access } = await loadForEdit(ctx, id, { providerAllowed: true });
  const now = ctx.clock.now();
  const ids = [...new Set(helperIds)];
  await ctx.db.tx(async (m) => {
    const root = await m.findOneByOrFail(AppointmentEntity, { id: found.parentAppointmentId ?? found.id });
    await checkHelpers(m, root.accountId, ids);
    const { added, removed } = await replaceHelpers(m, root.id, ids);
    await notifyHelpers(m, ctx.env, now, 'invite', root, added, { actorUserId: viewer.userId });
    await notifyHelpers(m, ctx.env, now, 'uninvite', root, removed, { actorUserId: viewer.userId });
  });
  const row = await ctx.db.manager.findOneByOrFail(AppointmentEntity, { id });
  return appointmentView(ctx, row, access);
}
