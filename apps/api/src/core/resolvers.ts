// Every resolver class of the API, one line per module.
import { AccountResolver, ViewerResolver } from '../modules/accounts/account.resolver';
import { SessionResolver } from '../modules/sessions/session.resolver';

export const RESOLVERS = [ViewerResolver, AccountResolver, SessionResolver] as const;
