// Every resolver class of the API, one line per module.
import { AccountResolver, ViewerResolver } from '../modules/accounts/account.resolver';
import { SessionResolver } from '../modules/sessions/session.resolver';
import { ProfileResolver } from '../modules/profile/profile.resolver';
import { IdentityResolver } from '../modules/identity/identity.resolver';
import { SessionViewerResolver } from '../modules/sessions/session-viewer.resolver';
import { StepUpResolver } from '../modules/stepup/stepup.resolver';
import { AccountMessagesResolver, MessageResolver } from '../modules/messages/message.resolver';
import { AccountConnectionsResolver, ConnectionsResolver, ViewerInvitationsResolver } from '../modules/connections/connection.resolver';
import { AccessLogResolver } from '../modules/audit/access-log.resolver';
import { AccountProvidersResolver, ProviderLinkResolver, ProviderPatientResolver } from '../modules/providers/provider.resolver';
import { ActivationResolver } from '../modules/activation/activation.resolver';
import { AccountNotesResolver, NoteResolver } from '../modules/notes/note.resolver';
import { AccountDossierResolver, DossierItemResolver, DossierResolver, ProviderDossierResolver } from '../modules/dossier/dossier.resolver';
import { AccountCalendarResolver, CalendarMutationResolver, ViewerCalendarResolver } from '../modules/calendar/calendar.resolver';
import { AccountNotificationsResolver, NotificationPreferencesResolver } from '../modules/notifications/notification.resolver';
import { HelpResolver } from '../modules/help/help.resolver';
export const RESOLVERS = [ViewerResolver, AccountResolver, SessionResolver, ProfileResolver, IdentityResolver, SessionViewerResolver, StepUpResolver, AccountMessagesResolver, MessageResolver, AccountConnectionsResolver, ConnectionsResolver, ViewerInvitationsResolver, AccessLogResolver, ProviderPatientResolver, ProviderLinkResolver, AccountProvidersResolver, ActivationResolver, AccountNotesResolver, NoteResolver, ProviderDossierResolver, AccountDossierResolver, DossierResolver, DossierItemResolver, AccountCalendarResolver, ViewerCalendarResolver, CalendarMutationResolver, AccountNotificationsResolver, NotificationPreferencesResolver, HelpResolver] as const;
