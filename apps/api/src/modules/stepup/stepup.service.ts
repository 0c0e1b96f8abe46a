import type { Context } from '../../core/context';
import { AppError } from '../../core/errors';
import { requireViewer, viewerUser } from '../../core/access';
import { maskPhone } from '../accounts/account.type';
import { SessionEntity } from '../sessions/session.entity';
import { recordSecurityEvent } from '../sessions/security-log';
import { checkSmsCode, codeError, sendSmsCode } from './sms-code.service';
import type { StepUpChallengeType } from './stepup.type';

/** Sends a step-up code to the viewer's verified number, bound to this session (QUALITY.md 6). */
export async function requestStepUpCode(ctx: Context): Promise<StepUpChallengeType> {
  const viewer = requireViewer(ctx);
  const user = await viewerUser(ctx);
  // Without a verified mobile number no code can be sent: say so instead of asking for one.
  if (!user.phoneE164 || !user.phoneVerifiedAt) throw new AppError('PHONE_REQUIRED');
  const phone = user.phoneE164;
  const now = ctx.clock.now();
  const code = await ctx.db.tx((m) =>
    sendSmsCode(m, ctx.db, now, {
      userId: user.id,
      purpose: 'STEP_UP',
      sessionId: viewer.sessionId,
      phone,
      ip: ctx.client.ip,
      locale: user.locale,
    }),
  );
  return { sentTo: maskPhone(phone), expiresAt: code.expiresAt };
}

/** Checks the code; on success this session's step-up starts now (session.stepUpUsedAt). */
export async function verifyStepUpCode(ctx: Context, entered: string): Promise<void> {
  const viewer = requireViewer(ctx);
  const user = await viewerUser(ctx);
  if (!user.phoneE164 || !user.phoneVerifiedAt) throw new AppError('PHONE_REQUIRED');
  const now = ctx.clock.now();
  // The transaction commits whatever the answer, so that every attempt stays counted.
  const check = await ctx.db.tx(async (m) => {
    const result = await checkSmsCode(m, ctx.db, now, { userId: user.id, purpose: 'STEP_UP', sessionId: viewer.sessionId }, entered);
    if (result.ok) {
      await m.update(SessionEntity, { id: viewer.sessionId }, { stepUpUsedAt: now });
      await recordSecurityEvent(m, now, { userId: user.id, action: 'STEP_UP_VERIFIED', client: ctx.client });
    }
    return result;
  });
  if (!check.ok) throw codeError(check);
  viewer.stepUpUsedAt = now;
  ctx.stepUpTouched = true;
}
