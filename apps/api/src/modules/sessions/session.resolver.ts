import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Public } from '../../core/guards';
import type { Context } from '../../core/context';
import { AppError } from '../../core/errors';
import { UserEntity } from '../accounts/user.entity';
import { toUserType } from '../accounts/account.type';
import { SessionType } from './session.type';
import { verifyPassword } from './password-hash';
import { createSession, endSessions } from './session.service';
import { SessionEntity } from './session.entity';

const WRONG_LOGIN = 'Het e-mailadres of wachtwoord klopt niet.';

@Resolver()
export class SessionResolver {
  @Public()
  @Mutation(() => SessionType)
  async signIn(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() ctx: Context,
  ): Promise<SessionType> {
    const user = await ctx.db.manager.findOneBy(UserEntity, { email: email.trim().toLowerCase() });
    // The same answer and the same work for an unknown address as for a wrong password (no enumeration).
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) throw new AppError('UNAUTHENTICATED', WRONG_LOGIN, { reason: 'WRONG_CREDENTIALS' });
    const created = await ctx.db.tx((m) => createSession(m, ctx.clock.now(), user.id, ctx.client));
    return { token: created.token, expiresAt: created.expiresAt, user: toUserType(user, ctx.env.PUBLIC_API_URL) };
  }

  @Public()
  @Mutation(() => Boolean)
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    if (!ctx.viewer) return false;
    await ctx.db.manager.update(SessionEntity, { id: ctx.viewer.sessionId }, { endedAt: ctx.clock.now() });
    return true;
  }
}

export { endSessions };
