import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { ParentGuarded } from '../../core/guards';
import type { Context } from '../../core/context';
import { ViewerType } from '../accounts/account.type';
import { SecurityEventPageType, SessionInfoType } from './session-info.type';
import { listOwnSessions } from './session-list';
import { securityLogPage } from './security-log.query';

/** The viewer's own sessions and security log (Viewer is only ever the signed-in user). */
@Resolver(() => ViewerType)
export class SessionViewerResolver {
  @ParentGuarded()
  @FieldResolver(() => [SessionInfoType], { description: "The viewer's active sessions (this one marked current)." })
  sessions(@Ctx() ctx: Context): Promise<SessionInfoType[]> {
    return listOwnSessions(ctx);
  }

  @ParentGuarded()
  @FieldResolver(() => SecurityEventPageType, {
    description: "The viewer's own security log: sign-ins, step-ups, password, e-mail and phone changes, newest first.",
  })
  securityLog(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<SecurityEventPageType> {
    return securityLogPage(ctx, first, after ?? null);
  }
}
