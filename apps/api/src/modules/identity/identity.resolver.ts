import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Public } from '../../core/guards';
import type { Context } from '../../core/context';
import { requestPasswordReset, resetPassword, verifyEmail } from './identity.service';

/** Links from e-mails: they work signed out, the token is the proof. */
@Resolver()
export class IdentityResolver {
  @Public()
  @Mutation(() => Boolean)
  verifyEmail(@Arg('token') token: string, @Ctx() ctx: Context): Promise<boolean> {
    return verifyEmail(ctx, token);
  }

  @Public()
  @Mutation(() => Boolean)
  requestPasswordReset(@Arg('email') email: string, @Ctx() ctx: Context): Promise<boolean> {
    return requestPasswordReset(ctx, email);
  }

  @Public()
  @Mutation(() => Boolean)
  resetPassword(@Arg('token') token: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: Context): Promise<boolean> {
    return resetPassword(ctx, token, newPassword);
  }
}
