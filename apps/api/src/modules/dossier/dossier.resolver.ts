import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ParentGuarded, ProviderOnly, Requires } from '../../core/guards';
import type { Context } from '../../core/context';
import { AppError } from '../../core/errors';
import { viewerUser } from '../../core/access';
import { AccountType } from '../accounts/account.type';
import { fullName } from '../accounts/user.entity';
import { appendAccessLog } from '../audit/access-log';
import { idempotentWrite } from '../providers/patient.service';
import { requireProvider } from '../providers/provider.resolver';
import { ProviderType, ProviderWriteResultType, toProviderType } from '../providers/provider.type';
import type { DossierKind } from './dossier-item.entity';
import { DossierItemKindEnum, DossierItemType, DossierType, ProviderDossierItemInput } from './dossier.type';
import { listItems, publishItem, retractItem } from './dossier.service';

/** Accounts whose dossier opening this request already logged (once per request, NEN 7513). */
const openedIn = new WeakMap<Context, Set<string>>();

@Resolver()
export class ProviderDossierResolver {
  @ProviderOnly()
  @Mutation(() => ProviderWriteResultType)
  providerPublishDossierItem(
    @Arg('input', () => ProviderDossierItemInput) input: ProviderDossierItemInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderWriteResultType> {
    const provider = requireProvider(ctx);
    return idempotentWrite(() => ctx.db.tx((m) => publishItem(m, ctx.clock.now(), provider.providerId, input)));
  }

  @ProviderOnly()
  @Mutation(() => Boolean)
  providerRetractDossierItem(@Arg('externalId') externalId: string, @Ctx() ctx: Context): Promise<boolean> {
    const provider = requireProvider(ctx);
    return ctx.db.tx((m) => retractItem(m, ctx.clock.now(), provider.providerId, externalId));
  }
}

@Resolver(() => AccountType)
export class AccountDossierResolver {
  @Requires('VIEW_DOSSIER', { stepUp: 900 })
  @FieldResolver(() => DossierType, { nullable: true })
  async dossier(@Root() account: AccountType, @Ctx() ctx: Context): Promise<DossierType> {
    let opened = openedIn.get(ctx);
    if (!opened) openedIn.set(ctx, (opened = new Set()));
    if (!opened.has(account.id)) {
      opened.add(account.id);
      const user = await viewerUser(ctx);
      const access = await ctx.loaders.access.load(account.id);
      if (!access) throw new AppError('NOT_FOUND');
      await ctx.db.tx((m) =>
        appendAccessLog(m, ctx.clock.now(), {
          accountId: account.id,
          actorUserId: user.id,
          actorName: fullName(user),
          action: 'DOSSIER_OPENED',
          basis: access.level,
        }),
      );
    }
    return { accountId: account.id };
  }
}

@Resolver(() => DossierType)
export class DossierResolver {
  @ParentGuarded()
  @FieldResolver(() => [DossierItemType])
  items(
    @Root() dossier: DossierType,
    @Arg('kind', () => DossierItemKindEnum, { nullable: true }) kind: DossierKind | null,
    @Ctx() ctx: Context,
  ): Promise<DossierItemType[]> {
    return listItems(ctx.db.manager, dossier.accountId, kind);
  }
}

@Resolver(() => DossierItemType)
export class DossierItemResolver {
  @ParentGuarded()
  @FieldResolver(() => ProviderType)
  async provider(@Root() item: DossierItemType, @Ctx() ctx: Context): Promise<ProviderType> {
    const p = await ctx.loaders.provider.load(item.providerId);
    if (!p) throw new AppError('NOT_FOUND');
    return toProviderType(p);
  }
}
