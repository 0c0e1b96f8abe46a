import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Public, SignedIn } from '../../core/guards';
import type { Context } from '../../core/context';
import { toUserType } from '../accounts/account.type';
import { SessionType } from './session.type';
import { signIn } from './sign-in';
import { endSessions } from './session.service';
import { endOwnSession, signOutElsewhere } from './session-list';
import { SessionEntity } from './session.entity';

@Resolver()
export class SessionResolver {
  @Public()
  @Mutation(() => SessionType)
  async signIn(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() ctx: Context,
  ): Promise<SessionType> {
    const { created, user } = await signIn(ctx, email, password);
    return { token: created.token, expiresAt: created.expiresAt, user: toUserType(user, ctx.env.PUBLIC_API_URL) };
  }

  @Public()
  @Mutation(() => Boolean)
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    if (!ctx.viewer) return false;
    await ctx.db.manager.update(SessionEntity, { id: ctx.viewer.sessionId }, { endedAt: ctx.clock.now() });
    return true;
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: "End one of the viewer's own sessions." })
  endSession(@Arg('sessionId', () => ID) sessionId: string, @Ctx() ctx: Context): Promise<boolean> {
    return endOwnSession(ctx, sessionId);
  }

  @SignedIn()
  @Mutation(() => Int, { description: 'End every session of the viewer except this one; returns how many ended.' })
  signOutElsewhere(@Ctx() ctx: Context): Promise<number> {
    return signOutElsewhere(ctx);
  }
}

export { endSessions };
