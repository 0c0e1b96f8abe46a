import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { passwordProblem } from '@kring/domain/passwords';
import { ProviderOnly, Public, Requires } from '../../core/guards';
import type { Context } from '../../core/context';
import { AppError, badInput } from '../../core/errors';
import { viewerUser } from '../../core/access';
import { LocalDateScalar } from '../../core/scalars';
import { UserEntity, fullName } from '../accounts/user.entity';
import { createUserWithAccount } from '../accounts/user.service';
import { toUserType } from '../accounts/account.type';
import type { RegisterInput } from '../connections/connection.type';
import { sendEmailVerification } from '../identity/identity.service';
import { hashPassword } from '../sessions/password-hash';
import { createSession } from '../sessions/session.service';
import { SessionType } from '../sessions/session.type';
import { requireProvider } from '../providers/provider.resolver';
import { ProviderLinkType } from '../providers/provider.type';
import { completeRedemption, redeemCode, redeemError, targetAccount, type Redeemed } from './activation.service';
import { ActivateAccountInput, ActivationLetterType } from './activation.type';
import { issueLetter, revokeLetter } from './letter.service';

const PASSWORD_MESSAGES = {
  TOO_SHORT: 'Kies een wachtwoord van minstens 8 tekens.',
  TOO_LONG: 'Kies een wachtwoord van hoogstens 128 tekens.',
  TOO_COMMON: 'Dit wachtwoord is te bekend of uitgelekt. Kies een ander.',
} as const;

/** Checks a new login's details before any code is tried, so that a typo never costs a try. */
function checkNewUser(input: RegisterInput): RegisterInput {
  const firstName = input.firstName.trim();
  const lastName = input.lastName.trim();
  const email = input.email.trim().toLowerCase();
  if (!firstName || firstName.length > 100) throw badInput('REQUIRED', 'Vul je voornaam in.', 'firstName');
  if (!lastName || lastName.length > 100) throw badInput('REQUIRED', 'Vul je achternaam in.', 'lastName');
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badInput('INVALID_EMAIL', 'Vul een geldig e-mailadres in.', 'email');
  const problem = passwordProblem(input.password);
  if (problem) throw badInput(problem, PASSWORD_MESSAGES[problem], 'password');
  return { firstName, lastName, email, password: input.password };
}

type Activated = { ok: true; session: SessionType } | { ok: false; error: AppError };

@Resolver()
export class ActivationResolver {
  @ProviderOnly()
  @Mutation(() => ActivationLetterType)
  providerIssueActivationLetter(@Arg('externalPatientId') externalPatientId: string, @Ctx() ctx: Context): Promise<ActivationLetterType> {
    const provider = requireProvider(ctx);
    return ctx.db.tx((m) => issueLetter(m, ctx.clock.now(), provider.providerId, externalPatientId, ctx.env.PUBLIC_API_URL));
  }

  @ProviderOnly()
  @Mutation(() => Boolean)
  providerRevokeActivationLetter(@Arg('externalPatientId') externalPatientId: string, @Ctx() ctx: Context): Promise<boolean> {
    const provider = requireProvider(ctx);
    return ctx.db.tx((m) => revokeLetter(m, ctx.clock.now(), provider.providerId, externalPatientId));
  }

  @Public()
  @Mutation(() => SessionType, {
    description: "Redeem a letter code with the client's birth date: the new or signed-in user becomes MANAGER of the account.",
  })
  async activateAccount(@Arg('input', () => ActivateAccountInput) input: ActivateAccountInput, @Ctx() ctx: Context): Promise<SessionType> {
    if (ctx.viewer && input.newUser) throw badInput('ALREADY_SIGNED_IN', 'Je bent al ingelogd; maak geen nieuwe login aan.', 'newUser');
    if (!ctx.viewer && !input.newUser) throw new AppError('UNAUTHENTICATED', 'Log in of maak een login aan.', { reason: 'SIGN_IN_OR_REGISTER' });
    const newUser = input.newUser ? checkNewUser(input.newUser) : null;
    // Hashing is slow: done before the transaction (nothing slow inside one on SQLite).
    const passwordHash = newUser ? await hashPassword(newUser.password) : null;
    const viewerUserId = ctx.viewer?.userId ?? null;
    const now = ctx.clock.now();
    const result = await ctx.db.tx(async (m): Promise<Activated> => {
      const redeemed: Redeemed = await redeemCode(m, now, { code: input.code, birthDate: input.birthDate, ip: ctx.client.ip });
      if (!redeemed.ok) return { ok: false, error: redeemError(redeemed.failure) };
      let user: UserEntity | null;
      if (newUser && passwordHash) {
        // Reachable only with a right code and birth date, so this does not enumerate e-mail addresses.
        if (await m.findOneBy(UserEntity, { email: newUser.email })) {
          return { ok: false, error: badInput('LOGIN_NEEDED', 'Log eerst in met dit e-mailadres.', 'email') };
        }
        user = (await createUserWithAccount(m, now, { ...newUser, passwordHash })).user;
        // A new login confirms its address by link (in the same transaction: the outbox delivers it).
        await sendEmailVerification(m, now, ctx.env, user);
      } else {
        user = await m.findOneBy(UserEntity, { id: viewerUserId ?? '' });
        if (!user) return { ok: false, error: new AppError('UNAUTHENTICATED') };
      }
      const accountId = await targetAccount(m, now, user.id, redeemed.record, input.forSelf);
      await completeRedemption(m, now, redeemed, accountId, { userId: user.id, name: fullName(user) }, { activation: true });
      const session = await createSession(m, now, user.id, ctx.client);
      return { ok: true, session: { token: session.token, expiresAt: session.expiresAt, user: toUserType(user, ctx.env.PUBLIC_API_URL) } };
    });
    if (!result.ok) throw result.error;
    return result.session;
  }

  @Requires('MANAGE_ACCOUNT', { stepUp: 900 })
  @Mutation(() => ProviderLinkType, { description: "Link another care provider's records with the code from its letter." })
  async linkProvider(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('code') code: string,
    @Arg('birthDate', () => LocalDateScalar) birthDate: string,
    @Ctx() ctx: Context,
  ): Promise<ProviderLinkType> {
    const user = await viewerUser(ctx);
    const now = ctx.clock.now();
    const result = await ctx.db.tx(async (m): Promise<{ ok: true; link: ProviderLinkType } | { ok: false; error: AppError }> => {
      const redeemed = await redeemCode(m, now, { code, birthDate, ip: ctx.client.ip });
      if (!redeemed.ok) return { ok: false, error: redeemError(redeemed.failure) };
      await completeRedemption(m, now, redeemed, accountId, { userId: user.id, name: fullName(user) }, { activation: false });
      return { ok: true, link: { id: redeemed.record.id, providerId: redeemed.record.providerId, linkedAt: now } };
    });
    if (!result.ok) throw result.error;
    return result.link;
  }
}
