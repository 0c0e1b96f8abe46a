import DataLoader from 'dataloader';
import type { Context } from '../../core/context';
import { requireViewer } from '../../core/access';
import { AppError, badInput } from '../../core/errors';
import { newId } from '../../db/columns';
import { NotificationPreferenceEntity } from './notification.entity';
import { MAX_LEAD_MINUTES, MIN_LEAD_MINUTES, preferencesOfUser, type NotificationPrefs } from './preferences';
import type { NotificationPreferencesInput } from './notification.type';

/** Per request: the viewer's choices for every account in the list, in one query. */
const loaders = new WeakMap<Context, DataLoader<string, NotificationPrefs>>();
function loaderOf(ctx: Context, userId: string): DataLoader<string, NotificationPrefs> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (accountIds) => {
      const map = await preferencesOfUser(ctx.db.manager, userId, accountIds);
      return accountIds.map((id) => map.get(id)!);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

/** The viewer's own choices for an account they are connected to (the parent Account was already resolved for them). */
export async function myPreferences(ctx: Context, accountId: string): Promise<NotificationPrefs> {
  const viewer = requireViewer(ctx);
  return loaderOf(ctx, viewer.userId).load(accountId);
}

export async function updatePreferences(ctx: Context, accountId: string, input: NotificationPreferencesInput): Promise<NotificationPrefs> {
  const viewer = requireViewer(ctx);
  // Only for an account the viewer is connected to; otherwise as if it did not exist.
  if (!(await ctx.loaders.access.load(accountId))) throw new AppError('NOT_FOUND');
  const lead = input.appointmentLeadMinutes;
  if (lead !== null && lead !== undefined && (!Number.isInteger(lead) || lead < MIN_LEAD_MINUTES || lead > MAX_LEAD_MINUTES)) {
    throw badInput('OUT_OF_RANGE', `Kies een tijd tussen ${MIN_LEAD_MINUTES} minuten en 24 uur van tevoren.`, 'appointmentLeadMinutes');
  }
  const now = ctx.clock.now();
  const change: Partial<NotificationPrefs> = {};
  if (input.appointmentStarting != null) change.appointmentStarting = input.appointmentStarting;
  if (lead != null) change.appointmentLeadMinutes = lead;
  if (input.newMessage != null) change.newMessage = input.newMessage;
  if (input.carePlanChanged != null) change.carePlanChanged = input.carePlanChanged;
  const save = () =>
    ctx.db.tx(async (m) => {
      const where = { userId: viewer.userId, accountId };
      const existing = await m.findOneBy(NotificationPreferenceEntity, where);
      if (existing) {
        await m.update(NotificationPreferenceEntity, { id: existing.id }, { ...change, updatedAt: now });
      } else {
        const current = (await preferencesOfUser(m, viewer.userId, [accountId])).get(accountId)!;
        await m.insert(NotificationPreferenceEntity, { id: newId(), ...where, ...current, ...change, updatedAt: now });
      }
    });
  try {
    await save();
  } catch (err) {
    // Two first saves at once: the unique index let one insert win; the other now updates it.
    if (!(err instanceof Error) || !/duplicate|unique/i.test(err.message)) throw err;
    await save();
  }
  return (await preferencesOfUser(ctx.db.manager, viewer.userId, [accountId])).get(accountId)!;
}
