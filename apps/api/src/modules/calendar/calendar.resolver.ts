import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { hasRight } from '@kring/domain';
import { ByEntity, ProviderOnly, Requires, SignedIn } from '../../core/guards';
import type { Access, Context } from '../../core/context';
import { AppError } from '../../core/errors';
import { requireViewer } from '../../core/access';
import { AccountEntity, MembershipEntity } from '../accounts/account.entity';
import { AccountType, PersonType, ViewerType, toPerson } from '../accounts/account.type';
import { accountNode } from '../accounts/account.service';
import { ProviderWriteResultType } from '../providers/provider.type';
import { AppointmentEntity } from './appointment.entity';
import { calendarMembers, expandRows, loadNames, loadRows, toAppointmentType, windowOf } from './calendar.query';
import { appointmentView, createAppointment, deleteAppointment, setAppointmentHelpers, updateAppointment } from './calendar.service';
import { AppointmentInput, AppointmentType, OccurrenceScopeEnum, OccurrenceType, ProviderAppointmentInput, type OccurrenceScope } from './calendar.type';
import { createCalendarFeed, feedUrlOf, revokeCalendarFeed } from './feed.service';
import { providerCancelAppointment, providerUpsertAppointment } from './provider-appointments';

/** Occurrences of these accounts in the window, in a constant number of statements. */
async function occurrencesFor(ctx: Context, accounts: { access: Access; node: AccountType }[], from: Date, to: Date): Promise<OccurrenceType[]> {
  const window = windowOf(from, to);
  const m = ctx.db.manager;
  const rows = await loadRows(m, accounts.map((a) => a.access.account.id), window);
  const expanded = expandRows(rows, window);
  const names = await loadNames(m, rows.helpers, [...rows.series, ...rows.overrides]);
  const byAccount = new Map(accounts.map((a) => [a.access.account.id, a]));
  const views = new Map<string, AppointmentType>();
  return expanded.map((occ) => {
    const acc = byAccount.get(occ.row.accountId)!;
    let view = views.get(occ.row.id);
    if (!view) {
      view = toAppointmentType(occ.row, occ.root, acc.access, names, rows.helpers.get(occ.root.id) ?? [], ctx.env.PUBLIC_API_URL);
      views.set(occ.row.id, view);
    }
    return { account: acc.node, appointment: view, start: occ.start, end: occ.end, originalStart: occ.originalStart };
  });
}

@Resolver(() => AccountType)
export class AccountCalendarResolver {
  @Requires('VIEW_CALENDAR')
  @FieldResolver(() => [OccurrenceType], { nullable: true })
  async calendar(@Root() account: AccountType, @Arg('from') from: Date, @Arg('to') to: Date, @Ctx() ctx: Context): Promise<OccurrenceType[]> {
    const access = await ctx.loaders.access.load(account.id);
    if (!access) throw new AppError('NOT_FOUND');
    return occurrencesFor(ctx, [{ access, node: account }], from, to);
  }

  @Requires('VIEW_CALENDAR')
  @FieldResolver(() => AppointmentType, { nullable: true })
  async appointment(@Root() account: AccountType, @Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AppointmentType> {
    const access = await ctx.loaders.access.load(account.id);
    const row = await ctx.db.manager.findOneBy(AppointmentEntity, { id });
    if (!access || !row || row.accountId !== account.id) throw new AppError('NOT_FOUND');
    return appointmentView(ctx, row, access);
  }

  @Requires('VIEW_CALENDAR')
  @FieldResolver(() => [PersonType], {
    nullable: true,
    description: 'People who can see this calendar, and so can be asked to help with an appointment.',
  })
  async members(@Root() account: AccountType, @Ctx() ctx: Context): Promise<PersonType[]> {
    const users = await calendarMembers(ctx.db.manager, account.id);
    return users.map((u) => toPerson(u, ctx.env.PUBLIC_API_URL));
  }
}

@Resolver(() => ViewerType)
export class ViewerCalendarResolver {
  @SignedIn()
  @FieldResolver(() => [OccurrenceType], {
    description: 'All occurrences in [from, to) across every account the viewer may see the calendar of (or only accountIds).',
  })
  async agenda(
    @Root() v: ViewerType,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('accountIds', () => [ID], { nullable: true }) accountIds: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<OccurrenceType[]> {
    windowOf(from, to);
    const accesses = await calendarAccessesOf(ctx, v.userId, accountIds);
    const nodes = await Promise.all(accesses.map((access) => accountNode(ctx, access)));
    return occurrencesFor(ctx, accesses.map((access, i) => ({ access, node: nodes[i]! })), from, to);
  }

  @SignedIn()
  @FieldResolver(() => String, { nullable: true, description: "Private iCalendar feed address of the viewer's agenda; null until created." })
  calendarFeedUrl(@Root() v: ViewerType, @Ctx() ctx: Context): Promise<string | null> {
    return feedUrlOf(ctx, v.userId);
  }
}

/**
 * The accounts whose calendar the user may see (VIEW_CALENDAR), optionally only some.
 * Helpers are always chosen among these people, so the appointments they are asked
 * to come along to are in here too; someone shielded (NONE) or removed sees none.
 */
export async function calendarAccessesOf(ctx: Context, userId: string, only?: readonly string[] | null): Promise<Access[]> {
  const m = ctx.db.manager;
  const memberships = await m.findBy(MembershipEntity, { userId, ...(only ? { accountId: In([...only]) } : {}) });
  if (!memberships.length) return [];
  const accounts = await m.findBy(AccountEntity, { id: In(memberships.map((ms) => ms.accountId)) });
  const out: Access[] = [];
  for (const ms of memberships) {
    const account = accounts.find((a) => a.id === ms.accountId);
    if (!account || !hasRight(ms.level, 'VIEW_CALENDAR', account.status)) continue;
    if (account.status === 'CLOSED' && ms.level !== 'MANAGER') continue;
    const access: Access = { account, level: ms.level, status: account.status };
    ctx.loaders.access.prime(account.id, access);
    out.push(access);
  }
  return out;
}

@Resolver()
export class CalendarMutationResolver {
  @Requires('EDIT_CALENDAR')
  @Mutation(() => AppointmentType)
  createAppointment(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('input', () => AppointmentInput) input: AppointmentInput,
    @Ctx() ctx: Context,
  ): Promise<AppointmentType> {
    return createAppointment(ctx, accountId, input);
  }

  @ByEntity('EDIT_CALENDAR')
  @Mutation(() => AppointmentType, { description: "Who comes along — also for a provider appointment, whose other details stay read-only." })
  setAppointmentHelpers(
    @Arg('id', () => ID) id: string,
    @Arg('helperIds', () => [ID]) helperIds: string[],
    @Ctx() ctx: Context,
  ): Promise<AppointmentType> {
    return setAppointmentHelpers(ctx, id, helperIds);
  }

  @ByEntity('EDIT_CALENDAR')
  @Mutation(() => AppointmentType)
  updateAppointment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AppointmentInput) input: AppointmentInput,
    @Arg('scope', () => OccurrenceScopeEnum, { defaultValue: 'ALL_OCCURRENCES' }) scope: OccurrenceScope,
    @Arg('occurrenceStart', () => Date, { nullable: true }) occurrenceStart: Date | null,
    @Ctx() ctx: Context,
  ): Promise<AppointmentType> {
    return updateAppointment(ctx, id, input, scope, occurrenceStart);
  }

  @ByEntity('EDIT_CALENDAR')
  @Mutation(() => Boolean)
  deleteAppointment(
    @Arg('id', () => ID) id: string,
    @Arg('scope', () => OccurrenceScopeEnum, { defaultValue: 'ALL_OCCURRENCES' }) scope: OccurrenceScope,
    @Arg('occurrenceStart', () => Date, { nullable: true }) occurrenceStart: Date | null,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return deleteAppointment(ctx, id, scope, occurrenceStart);
  }

  @SignedIn()
  @Mutation(() => String, { description: "Create the viewer's private feed address, or replace it (the old one stops working)." })
  createCalendarFeed(@Ctx() ctx: Context): Promise<string> {
    return createCalendarFeed(ctx, requireViewer(ctx).userId);
  }

  @SignedIn()
  @Mutation(() => Boolean)
  revokeCalendarFeed(@Ctx() ctx: Context): Promise<boolean> {
    return revokeCalendarFeed(ctx, requireViewer(ctx).userId);
  }

  @ProviderOnly()
  @Mutation(() => ProviderWriteResultType)
  providerUpsertAppointment(@Arg('input', () => ProviderAppointmentInput) input: ProviderAppointmentInput, @Ctx() ctx: Context): Promise<ProviderWriteResultType> {
    return providerUpsertAppointment(ctx, input);
  }

  @ProviderOnly()
  @Mutation(() => Boolean)
  providerCancelAppointment(@Arg('externalId') externalId: string, @Ctx() ctx: Context): Promise<boolean> {
    return providerCancelAppointment(ctx, externalId);
  }
}
