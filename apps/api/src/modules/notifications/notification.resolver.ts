import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { ParentGuarded, SignedIn } from '../../core/guards';
import type { Context } from '../../core/context';
import { AccountType } from '../accounts/account.type';
import { NotificationPreferencesInput, NotificationPreferencesType } from './notification.type';
import { myPreferences, updatePreferences } from './preferences.service';

@Resolver(() => AccountType)
export class AccountNotificationsResolver {
  /** The viewer's own settings, not the account's content: any connection has them (NONE included). */
  @ParentGuarded()
  @FieldResolver(() => NotificationPreferencesType, { description: "The viewer's own e-mail notification choices for this account." })
  notificationPreferences(@Root() a: AccountType, @Ctx() ctx: Context): Promise<NotificationPreferencesType> {
    return myPreferences(ctx, a.id);
  }
}

@Resolver(() => NotificationPreferencesType)
export class NotificationPreferencesResolver {
  @SignedIn()
  @Mutation(() => NotificationPreferencesType)
  updateNotificationPreferences(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('input', () => NotificationPreferencesInput) input: NotificationPreferencesInput,
    @Ctx() ctx: Context,
  ): Promise<NotificationPreferencesType> {
    return updatePreferences(ctx, accountId, input);
  }
}
