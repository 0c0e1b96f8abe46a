import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Public, SignedIn } from '../../core/guards';
import type { Context } from '../../core/context';
import { PhoneNumberType, UserType, toUserType } from '../accounts/account.type';
import { ProfileInput } from './profile.input';
import { changePassword, updateProfile } from './profile.service';
import { confirmPhoneNumber, sendPhoneVerificationCode, setPhoneHidden, setPhoneNumber } from './phone.service';

/** The viewer's own profile: every mutation acts on the signed-in user only. */
@Resolver()
export class ProfileResolver {
  @SignedIn()
  @Mutation(() => UserType)
  async updateProfile(@Arg('input', () => ProfileInput) input: ProfileInput, @Ctx() ctx: Context): Promise<UserType> {
    return toUserType(await updateProfile(ctx, input), ctx.env.PUBLIC_API_URL);
  }

  @SignedIn()
  @Mutation(() => Boolean)
  changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Arg('newPasswordRepeat') newPasswordRepeat: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return changePassword(ctx, currentPassword, newPassword, newPasswordRepeat);
  }

  @SignedIn()
  @Mutation(() => PhoneNumberType, {
    description: "Stores the number unverified and e-mails a link with a 'send code' button. Replacing a verified number needs currentPassword.",
  })
  setPhoneNumber(
    @Arg('number') number: string,
    @Arg('currentPassword', () => String, { nullable: true }) currentPassword: string | null,
    @Ctx() ctx: Context,
  ): Promise<PhoneNumberType> {
    return setPhoneNumber(ctx, number, currentPassword ?? null);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Called from the e-mailed link: sends the SMS code.' })
  sendPhoneVerificationCode(@Arg('token') token: string, @Ctx() ctx: Context): Promise<boolean> {
    return sendPhoneVerificationCode(ctx, token);
  }

  @SignedIn()
  @Mutation(() => PhoneNumberType)
  confirmPhoneNumber(@Arg('code') code: string, @Ctx() ctx: Context): Promise<PhoneNumberType> {
    return confirmPhoneNumber(ctx, code);
  }

  @SignedIn()
  @Mutation(() => PhoneNumberType)
  setPhoneHidden(@Arg('hidden') hidden: boolean, @Ctx() ctx: Context): Promise<PhoneNumberType> {
    return setPhoneHidden(ctx, hidden);
  }
}
