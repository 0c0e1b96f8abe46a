// Every resolver class of the API, one line per module.
import { AccountResolver, ViewerResolver } from '../modules/accounts/account.resolver';
import { SessionResolver } from '../modules/sessions/session.resolver';
import { StepUpResolver } from '../modules/stepup/stepup.resolver';
import { SessionViewerResolver } from '../modules/sessions/session-viewer.resolver';
import { AccountConnectionsResolver, ConnectionsResolver, ViewerInvitationsResolver } from '../modules/connections/connection.resolver';
import { AccessLogResolver } from '../modules/audit/access-log.resolver';

export const RESOLVERS = [ViewerResolver, AccountResolver, SessionResolver, StepUpResolver, SessionViewerResolver, AccountConnectionsResolver, ConnectionsResolver, ViewerInvitationsResolver, AccessLogResolver] as const;
