import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Requires } from '../../core/guards';
import type { Context } from '../../core/context';
import { AccountType } from '../accounts/account.type';
import { AccessLogPageType } from './access-log.type';
import { readAccessLog } from './access-log.service';

@Resolver(() => AccountType)
export class AccessLogResolver {
  @Requires('MANAGE_ACCOUNT', { stepUp: 900 })
  @FieldResolver(() => AccessLogPageType, {
    nullable: true,
    description:
      'Who opened the dossier or the connections, changed rights, linked or unlinked providers (NEN 7513). Account events only.',
  })
  accessLog(
    @Root() a: AccountType,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
  ): Promise<AccessLogPageType> {
    return readAccessLog(ctx, a, { first, after, from, to });
  }
}
