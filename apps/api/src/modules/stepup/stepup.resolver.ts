import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { SignedIn } from '../../core/guards';
import type { Context } from '../../core/context';
import { requireViewer } from '../../core/access';
import { ViewerType } from '../accounts/account.type';
import { StepUpChallengeType } from './stepup.type';
import { requestStepUpCode, verifyStepUpCode } from './stepup.service';

@Resolver()
export class StepUpResolver {
  @SignedIn()
  @Mutation(() => StepUpChallengeType)
  requestStepUpCode(@Ctx() ctx: Context): Promise<StepUpChallengeType> {
    return requestStepUpCode(ctx);
  }

  @SignedIn()
  @Mutation(() => ViewerType)
  async verifyStepUpCode(@Arg('code') code: string, @Ctx() ctx: Context): Promise<ViewerType> {
    await verifyStepUpCode(ctx, code);
    const viewer = requireViewer(ctx);
    return { userId: viewer.userId, sessionId: viewer.sessionId };
  }
}
