import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { rightsOf, stepUpValidUntil, type AccessLevel, type Right } from '@kring/domain';
import { AccessLevelEnum, RightEnum } from '../../core/scalars';
import { ParentGuarded, Public, SignedIn } from '../../core/guards';
import type { Context } from '../../core/context';
import { AppError } from '../../core/errors';
import { AccountAccessType, AccountType, UserType, ViewerType, toUserType } from './account.type';
import { accountNode, listAccountsOf } from './account.service';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Public()
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in user; null when the request carries no valid session.' })
  viewer(@Ctx() ctx: Context): ViewerType | null {
    return ctx.viewer ? { userId: ctx.viewer.userId, sessionId: ctx.viewer.sessionId } : null;
  }

  @ParentGuarded()
  @FieldResolver(() => UserType)
  async user(@Root() v: ViewerType, @Ctx() ctx: Context): Promise<UserType> {
    const user = await ctx.loaders.user.load(v.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return toUserType(user, ctx.env.PUBLIC_API_URL);
  }

  @ParentGuarded()
  @FieldResolver(() => [AccountAccessType], { description: 'Own account first, then the accounts of the people this user helps.' })
  accounts(@Root() v: ViewerType, @Ctx() ctx: Context): Promise<AccountAccessType[]> {
    return listAccountsOf(ctx, v.userId);
  }

  @ParentGuarded()
  @FieldResolver(() => Date, { nullable: true, description: 'Until when the last SMS step-up of this session is valid; null if none.' })
  stepUpValidUntil(@Ctx() ctx: Context): Date | null {
    const until = stepUpValidUntil(ctx.viewer?.stepUpUsedAt?.getTime() ?? null);
    return until === null || until <= ctx.clock.now().getTime() ? null : new Date(until);
  }
}

@Resolver(() => AccountType)
export class AccountResolver {
  @SignedIn()
  @Query(() => AccountType, {
    nullable: true,
    description: 'An account the viewer is connected to. Error NOT_FOUND when the viewer has no connection to it, exactly as for an id that does not exist.',
  })
  async account(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AccountType> {
    const access = await ctx.loaders.access.load(id);
    if (!access) throw new AppError('NOT_FOUND');
    return accountNode(ctx, access);
  }

  @ParentGuarded()
  @FieldResolver(() => AccessLevelEnum)
  myLevel(@Root() a: AccountType): AccessLevel {
    return a.level;
  }

  @ParentGuarded()
  @FieldResolver(() => [RightEnum], { description: 'The rights the viewer holds here, so that a client can offer only what is allowed.' })
  myRights(@Root() a: AccountType): readonly Right[] {
    return rightsOf(a.level, a.status);
  }
}
