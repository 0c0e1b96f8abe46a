// Every entity of the API, one line per module (kept explicit so that tests and the CLI load the same set).
import { AccountEntity, MembershipEntity } from '../modules/accounts/account.entity';
import { UserEntity } from '../modules/accounts/user.entity';
import { SessionEntity } from '../modules/sessions/session.entity';
import { SecurityEventEntity } from '../modules/sessions/security-event.entity';
import { ThrottleEventEntity } from '../modules/sessions/throttle-event.entity';
import { SmsCodeEntity } from '../modules/stepup/sms-code.entity';
import { IdentityTokenEntity } from '../modules/identity/identity-token.entity';
import { AvatarEntity } from '../modules/profile/avatar.entity';
import { OutboxEntity } from '../modules/outbox/outbox.entity';
import { AccessLogEntity, AccessLogHeadEntity } from '../modules/audit/access-log.entity';
import { InvitationEntity } from '../modules/connections/invitation.entity';
import { MessageEntity } from '../modules/messages/message.entity';
import { ProviderApiKeyEntity, ProviderEntity } from '../modules/providers/provider.entity';
import { PatientRecordEntity } from '../modules/providers/patient-record.entity';
import { ActivationAttemptEntity, ActivationLetterEntity } from '../modules/activation/activation-letter.entity';
import { NoteEntity } from '../modules/notes/note.entity';
import { DossierItemEntity } from '../modules/dossier/dossier-item.entity';
import { AppointmentEntity, AppointmentExdateEntity, AppointmentHelperEntity, CalendarFeedEntity, ReminderSentEntity } from '../modules/calendar/appointment.entity';
import { NotificationDigestEntity, NotificationEventEntity, NotificationPreferenceEntity } from '../modules/notifications/notification.entity';

export const ENTITIES: Function[] = [UserEntity, AccountEntity, MembershipEntity, SessionEntity, SecurityEventEntity, ThrottleEventEntity, SmsCodeEntity, IdentityTokenEntity, AvatarEntity, OutboxEntity, AccessLogEntity, AccessLogHeadEntity, InvitationEntity, MessageEntity, ProviderEntity, ProviderApiKeyEntity, PatientRecordEntity, ActivationLetterEntity, ActivationAttemptEntity, NoteEntity, DossierItemEntity, AppointmentEntity, AppointmentExdateEntity, AppointmentHelperEntity, CalendarFeedEntity, ReminderSentEntity, NotificationDigestEntity, NotificationEventEntity, NotificationPreferenceEntity];
