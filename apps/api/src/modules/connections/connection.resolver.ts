import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AccessLevel } from '@kring/domain';
import { AccessLevelEnum } from '../../core/scalars';
import { Public, Requires, SignedIn, registerEntityAccount } from '../../core/guards';
import type { Context } from '../../core/context';
import { MembershipEntity } from '../accounts/account.entity';
import { AccountType, ViewerType } from '../accounts/account.type';
import { SessionType } from '../sessions/session.type';
import { ConnectionType, InvitationPreviewType, InvitationType, InviteHelperInput, RegisterInput } from './connection.type';
import { leaveAccount, listConnections, removeConnection, setConnectionLevel } from './connection.service';
import {
  acceptInvitation,
  declineInvitation,
  invitationPreview,
  inviteHelper,
  listInvitations,
  pendingInvitationsOf,
  resendInvitation,
  revokeInvitation,
} from './invitation.service';
import { InvitationEntity } from './invitation.entity';
import { deactivateAccount } from './deactivation.service';

// Entity-id mutations: the guard checks the right on the account the connection or invitation belongs to.
registerEntityAccount('connection', {
  arg: 'connectionId',
  accountOf: async (ctx, id) => (await ctx.db.manager.findOneBy(MembershipEntity, { id }))?.accountId ?? null,
});
registerEntityAccount('invitation', {
  arg: 'invitationId',
  accountOf: async (ctx, id) => (await ctx.db.manager.findOneBy(InvitationEntity, { id }))?.accountId ?? null,
});

@Resolver(() => AccountType)
export class AccountConnectionsResolver {
  @Requires('MANAGE_CONNECTIONS', { stepUp: 900 })
  @FieldResolver(() => [ConnectionType], { nullable: true })
  connections(@Root() a: AccountType, @Ctx() ctx: Context): Promise<ConnectionType[]> {
    return listConnections(ctx, a.id, a.level);
  }

  @Requires('MANAGE_CONNECTIONS', { stepUp: 900 })
  @FieldResolver(() => [InvitationType], { nullable: true })
  invitations(@Root() a: AccountType, @Ctx() ctx: Context): Promise<InvitationType[]> {
    return listInvitations(ctx, a.id);
  }
}

@Resolver(() => ViewerType)
export class ViewerInvitationsResolver {
  @SignedIn()
  @FieldResolver(() => [InvitationPreviewType], { description: "Invitations addressed to the viewer's e-mail that are still pending." })
  pendingInvitations(@Ctx() ctx: Context): Promise<InvitationPreviewType[]> {
    return pendingInvitationsOf(ctx);
  }
}

@Resolver()
export class ConnectionsResolver {
  @Public()
  @Query(() => InvitationPreviewType, {
    nullable: true,
    description: 'What an invitation link offers, for the page that accepts it; null when the token is unknown, used or expired.',
  })
  invitation(@Arg('token') token: string, @Ctx() ctx: Context): Promise<InvitationPreviewType | null> {
    return invitationPreview(ctx, token);
  }

  @Requires('MANAGE_CONNECTIONS', { stepUp: 900 })
  @Mutation(() => InvitationType)
  inviteHelper(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('input', () => InviteHelperInput) input: InviteHelperInput,
    @Ctx() ctx: Context,
  ): Promise<InvitationType> {
    return inviteHelper(ctx, accountId, input);
  }

  @Requires('MANAGE_CONNECTIONS', { stepUp: 900, entity: 'invitation' })
  @Mutation(() => Boolean)
  revokeInvitation(@Arg('invitationId', () => ID) invitationId: string, @Ctx() ctx: Context): Promise<boolean> {
    return revokeInvitation(ctx, invitationId);
  }

  @Requires('MANAGE_CONNECTIONS', { stepUp: 900, entity: 'invitation' })
  @Mutation(() => InvitationType)
  resendInvitation(@Arg('invitationId', () => ID) invitationId: string, @Ctx() ctx: Context): Promise<InvitationType> {
    return resendInvitation(ctx, invitationId);
  }

  @Requires('MANAGE_CONNECTIONS', { stepUp: 900, entity: 'connection' })
  @Mutation(() => ConnectionType)
  setConnectionLevel(
    @Arg('connectionId', () => ID) connectionId: string,
    @Arg('level', () => AccessLevelEnum) level: AccessLevel,
    @Ctx() ctx: Context,
  ): Promise<ConnectionType> {
    return setConnectionLevel(ctx, connectionId, level);
  }

  @Requires('MANAGE_CONNECTIONS', { stepUp: 900, entity: 'connection' })
  @Mutation(() => Boolean)
  removeConnection(@Arg('connectionId', () => ID) connectionId: string, @Ctx() ctx: Context): Promise<boolean> {
    return removeConnection(ctx, connectionId);
  }

  @Public()
  @Mutation(() => SessionType, { description: 'Accept an e-mailed invitation, creating a user when newUser is given.' })
  acceptInvitation(
    @Arg('token') token: string,
    @Arg('newUser', () => RegisterInput, { nullable: true }) newUser: RegisterInput | null,
    @Ctx() ctx: Context,
  ): Promise<SessionType> {
    return acceptInvitation(ctx, token, newUser);
  }

  @Public()
  @Mutation(() => Boolean)
  declineInvitation(@Arg('token') token: string, @Ctx() ctx: Context): Promise<boolean> {
    return declineInvitation(ctx, token);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: "A helper leaves someone's circle." })
  leaveAccount(@Arg('accountId', () => ID) accountId: string, @Ctx() ctx: Context): Promise<boolean> {
    return leaveAccount(ctx, accountId);
  }

  @Requires('MANAGE_ACCOUNT', { stepUp: 900 })
  @Mutation(() => Boolean, {
    description: "Ontkoppelen: the manager lets go of the account and its provider links, so that the record can be activated again.",
  })
  deactivateAccount(@Arg('accountId', () => ID) accountId: string, @Ctx() ctx: Context): Promise<boolean> {
    return deactivateAccount(ctx, accountId);
  }
}
