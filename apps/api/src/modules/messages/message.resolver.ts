import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Audience } from '@kring/domain';
import { ByEntity, ParentGuarded, Requires } from '../../core/guards';
import type { Context } from '../../core/context';
import { AudienceEnum } from '../../core/scalars';
import { AccountType, PersonType, toPerson } from '../accounts/account.type';
import { MessagePageType, MessageType } from './message.type';
import { deleteMessage, listMessages, postMessage } from './message.service';

@Resolver(() => AccountType)
export class AccountMessagesResolver {
  @Requires('VIEW_MESSAGES')
  @FieldResolver(() => MessagePageType, { nullable: true, description: 'Messages to all connections, newest first.' })
  messages(
    @Root() a: AccountType,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<MessagePageType> {
    return listMessages(ctx, a.id, 'ALL_CONNECTIONS', first, after);
  }

  @Requires('VIEW_TRUST_GROUP_MESSAGES')
  @FieldResolver(() => MessagePageType, { nullable: true, description: 'Messages to the trust group only, newest first.' })
  trustGroupMessages(
    @Root() a: AccountType,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<MessagePageType> {
    return listMessages(ctx, a.id, 'TRUST_GROUP', first, after);
  }
}

@Resolver(() => MessageType)
export class MessageResolver {
  @ParentGuarded()
  @FieldResolver(() => PersonType)
  async author(@Root() msg: MessageType, @Ctx() ctx: Context): Promise<PersonType> {
    const user = await ctx.loaders.user.load(msg.authorUserId);
    // A removed login still wrote the message; show it without a name rather than fail the list.
    return user ? toPerson(user, ctx.env.PUBLIC_API_URL) : { id: msg.authorUserId, name: '—', avatarUrl: null, phone: null };
  }

  @Requires('VIEW_MESSAGES')
  @Mutation(() => MessageType, { description: 'TRUST_GROUP additionally needs VIEW_TRUST_GROUP_MESSAGES.' })
  postMessage(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('audience', () => AudienceEnum) audience: Audience,
    @Arg('body', () => String) body: string,
    @Ctx() ctx: Context,
  ): Promise<MessageType> {
    return postMessage(ctx, accountId, audience, body);
  }

  @ByEntity('VIEW_MESSAGES')
  @Mutation(() => Boolean, { description: 'Authors delete their own messages.' })
  deleteMessage(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return deleteMessage(ctx, id);
  }
}
