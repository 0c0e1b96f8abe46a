export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: string; output: string; }
};

export type AccessLevel =
  | 'BASIC'
  | 'MANAGER'
  | 'NONE'
  | 'TRUST';

export type AccountStatus =
  | 'ACTIVE'
  | 'CLOSED';

export type ActivateAccountInput = {
  birthDate: Scalars['LocalDate']['input'];
  code: Scalars['String']['input'];
  /** True: the record is the signed-in (or new) user's own, and joins their own account. False: a new account for someone they represent. */
  forSelf?: Scalars['Boolean']['input'];
  /** Omit when the request is already signed in. */
  newUser?: InputMaybe<RegisterInput>;
};

export type AppointmentInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  durationMinutes: Scalars['Int']['input'];
  /** Person ids (from Account.members) */
  helperIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  location?: InputMaybe<Scalars['String']['input']>;
  recurrence?: InputMaybe<RecurrenceInput>;
  start: Scalars['DateTimeISO']['input'];
  title: Scalars['String']['input'];
};

export type AppointmentSource =
  | 'PRIVATE'
  | 'PROVIDER';

export type Audience =
  | 'ALL_CONNECTIONS'
  | 'TRUST_GROUP';

export type DossierItemKind =
  | 'CARE_PLAN'
  | 'CARE_REPORT'
  | 'QUESTIONNAIRE';

export type InvitationStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

export type InviteHelperInput = {
  email: Scalars['String']['input'];
  firstName: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
  /** TRUST or BASIC; anything else is refused (BAD_USER_INPUT). */
  level: AccessLevel;
};

export type NoteInput = {
  body: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type NotificationPreferencesInput = {
  appointmentLeadMinutes?: InputMaybe<Scalars['Int']['input']>;
  appointmentStarting?: InputMaybe<Scalars['Boolean']['input']>;
  carePlanChanged?: InputMaybe<Scalars['Boolean']['input']>;
  newMessage?: InputMaybe<Scalars['Boolean']['input']>;
};

export type OccurrenceScope =
  | 'ALL_OCCURRENCES'
  | 'THIS_AND_FOLLOWING'
  | 'THIS_OCCURRENCE';

export type ProfileInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
};

export type ProviderAppointmentInput = {
  durationMinutes: Scalars['Int']['input'];
  externalId: Scalars['String']['input'];
  externalPatientId: Scalars['String']['input'];
  location?: InputMaybe<Scalars['String']['input']>;
  practitionerName: Scalars['String']['input'];
  start: Scalars['DateTimeISO']['input'];
  title: Scalars['String']['input'];
  videoUrl?: InputMaybe<Scalars['String']['input']>;
};

export type ProviderDossierItemInput = {
  answers?: InputMaybe<Array<QuestionnaireAnswerInput>>;
  authorName?: InputMaybe<Scalars['String']['input']>;
  authoredAt: Scalars['DateTimeISO']['input'];
  body: Scalars['String']['input'];
  externalId: Scalars['String']['input'];
  externalPatientId: Scalars['String']['input'];
  kind: DossierItemKind;
  title: Scalars['String']['input'];
};

export type ProviderPatientInput = {
  birthDate: Scalars['LocalDate']['input'];
  externalId: Scalars['String']['input'];
  firstName: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
};

export type QuestionnaireAnswerInput = {
  answer: Scalars['String']['input'];
  question: Scalars['String']['input'];
};

export type RecurrenceFrequency =
  | 'DAILY'
  | 'MONTHLY'
  | 'WEEKLY'
  | 'YEARLY';

export type RecurrenceInput = {
  count?: InputMaybe<Scalars['Int']['input']>;
  frequency: RecurrenceFrequency;
  interval?: Scalars['Int']['input'];
  /** Inclusive last day; at most one of untilDate and count. */
  untilDate?: InputMaybe<Scalars['LocalDate']['input']>;
};

export type RegisterInput = {
  email: Scalars['String']['input'];
  firstName: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type Right =
  | 'EDIT_CALENDAR'
  | 'EDIT_NOTES'
  | 'MANAGE_ACCOUNT'
  | 'MANAGE_CONNECTIONS'
  | 'VIEW_CALENDAR'
  | 'VIEW_DOSSIER'
  | 'VIEW_MESSAGES'
  | 'VIEW_NOTES'
  | 'VIEW_TRUST_GROUP_MESSAGES';

/** What happened to the user's own login. */
export type SecurityAction =
  | 'EMAIL_CHANGED'
  | 'EMAIL_CHANGE_REQUESTED'
  | 'EMAIL_VERIFIED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  | 'PHONE_CHANGED'
  | 'SESSIONS_ENDED'
  | 'SESSION_ENDED'
  | 'SIGNED_IN'
  | 'STEP_UP_VERIFIED';

export type WriteStatus =
  | 'CREATED'
  | 'UNCHANGED'
  | 'UPDATED';

export type AccessLogQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
}>;


export type AccessLogQuery = { account: { id: string, accessLog: { nextCursor: string | null, nodes: Array<{ id: string, at: string, actorName: string, action: string, detail: string | null }> } | null } | null };

export type ConnectionFieldsFragment = { id: string, level: AccessLevel, since: string, person: { id: string, name: string, avatarUrl: string | null } };

export type InvitationFieldsFragment = { id: string, firstName: string, lastName: string, email: string, level: AccessLevel, status: InvitationStatus, sentAt: string, expiresAt: string };

export type ProviderLinkFieldsFragment = { id: string, linkedAt: string, provider: { id: string, name: string, contactPhone: string | null, contactEmail: string | null } };

export type CircleQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type CircleQuery = { account: { id: string, connections: Array<{ id: string, level: AccessLevel, since: string, person: { id: string, name: string, avatarUrl: string | null } }> | null, invitations: Array<{ id: string, firstName: string, lastName: string, email: string, level: AccessLevel, status: InvitationStatus, sentAt: string, expiresAt: string }> | null, providers: Array<{ id: string, linkedAt: string, provider: { id: string, name: string, contactPhone: string | null, contactEmail: string | null } }> | null } | null };

export type SetConnectionLevelMutationVariables = Exact<{
  connectionId: Scalars['ID']['input'];
  level: AccessLevel;
}>;


export type SetConnectionLevelMutation = { setConnectionLevel: { id: string, level: AccessLevel, since: string, person: { id: string, name: string, avatarUrl: string | null } } };

export type RemoveConnectionMutationVariables = Exact<{
  connectionId: Scalars['ID']['input'];
}>;


export type RemoveConnectionMutation = { removeConnection: boolean };

export type InviteHelperMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  input: InviteHelperInput;
}>;


export type InviteHelperMutation = { inviteHelper: { id: string, firstName: string, lastName: string, email: string, level: AccessLevel, status: InvitationStatus, sentAt: string, expiresAt: string } };

export type ResendInvitationMutationVariables = Exact<{
  invitationId: Scalars['ID']['input'];
}>;


export type ResendInvitationMutation = { resendInvitation: { id: string, firstName: string, lastName: string, email: string, level: AccessLevel, status: InvitationStatus, sentAt: string, expiresAt: string } };

export type RevokeInvitationMutationVariables = Exact<{
  invitationId: Scalars['ID']['input'];
}>;


export type RevokeInvitationMutation = { revokeInvitation: boolean };

export type LinkProviderMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
  birthDate: Scalars['LocalDate']['input'];
}>;


export type LinkProviderMutation = { linkProvider: { id: string, linkedAt: string, provider: { id: string, name: string, contactPhone: string | null, contactEmail: string | null } } };

export type UnlinkProviderMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  providerLinkId: Scalars['ID']['input'];
}>;


export type UnlinkProviderMutation = { unlinkProvider: boolean };

export type DeactivateAccountMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type DeactivateAccountMutation = { deactivateAccount: boolean };

export type DossierItemFieldsFragment = { id: string, kind: DossierItemKind, title: string, body: string, authorName: string | null, authoredAt: string, updatedAt: string, version: number, provider: { id: string, name: string }, answers: Array<{ question: string, answer: string }> };

export type DossierQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type DossierQuery = { account: { id: string, dossier: { items: Array<{ id: string, kind: DossierItemKind, title: string, body: string, authorName: string | null, authoredAt: string, updatedAt: string, version: number, provider: { id: string, name: string }, answers: Array<{ question: string, answer: string }> }> } | null } | null };

export type FaqQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
}>;


export type FaqQuery = { faq: Array<{ id: string, question: string, answer: string }> };

export type AskQuestionMutationVariables = Exact<{
  question: Scalars['String']['input'];
  replyTo?: InputMaybe<Scalars['String']['input']>;
}>;


export type AskQuestionMutation = { askQuestion: boolean };

export type HelpProvidersQueryVariables = Exact<{
  from: Scalars['DateTimeISO']['input'];
  to: Scalars['DateTimeISO']['input'];
}>;


export type HelpProvidersQuery = { viewer: { agenda: Array<{ appointment: { id: string, provider: { id: string, name: string, contactPhone: string | null, contactEmail: string | null } | null } }> } | null };

export type MessageFieldsFragment = { id: string, audience: Audience, body: string, sentAt: string, author: { id: string, name: string, avatarUrl: string | null } };

export type AllMessagesQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AllMessagesQuery = { account: { id: string, messages: { nextCursor: string | null, nodes: Array<{ id: string, audience: Audience, body: string, sentAt: string, author: { id: string, name: string, avatarUrl: string | null } }> } | null } | null };

export type TrustGroupMessagesQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type TrustGroupMessagesQuery = { account: { id: string, trustGroupMessages: { nextCursor: string | null, nodes: Array<{ id: string, audience: Audience, body: string, sentAt: string, author: { id: string, name: string, avatarUrl: string | null } }> } | null } | null };

export type AccountMembersQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type AccountMembersQuery = { account: { id: string, members: Array<{ id: string, name: string, avatarUrl: string | null }> | null } | null };

export type PostMessageMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  audience: Audience;
  body: Scalars['String']['input'];
}>;


export type PostMessageMutation = { postMessage: { id: string, audience: Audience, body: string, sentAt: string, author: { id: string, name: string, avatarUrl: string | null } } };

export type DeleteMessageMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteMessageMutation = { deleteMessage: boolean };

export type NoteFieldsFragment = { id: string, title: string, body: string, updatedAt: string, author: { id: string, name: string } };

export type NotesQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type NotesQuery = { account: { id: string, notes: { nextCursor: string | null, nodes: Array<{ id: string, title: string, body: string, updatedAt: string, author: { id: string, name: string } }> } | null } | null };

export type CreateNoteMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  input: NoteInput;
}>;


export type CreateNoteMutation = { createNote: { id: string, title: string, body: string, updatedAt: string, author: { id: string, name: string } } };

export type UpdateNoteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: NoteInput;
}>;


export type UpdateNoteMutation = { updateNote: { id: string, title: string, body: string, updatedAt: string, author: { id: string, name: string } } };

export type DeleteNoteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteNoteMutation = { deleteNote: boolean };

export type NotificationPreferencesFieldsFragment = { appointmentStarting: boolean, appointmentLeadMinutes: number, newMessage: boolean, carePlanChanged: boolean };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { viewer: { accounts: Array<{ own: boolean, level: AccessLevel, account: { id: string, displayName: string, avatarUrl: string | null, myRights: Array<Right>, notificationPreferences: { appointmentStarting: boolean, appointmentLeadMinutes: number, newMessage: boolean, carePlanChanged: boolean } } }> } | null };

export type UpdateNotificationPreferencesMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
  input: NotificationPreferencesInput;
}>;


export type UpdateNotificationPreferencesMutation = { updateNotificationPreferences: { appointmentStarting: boolean, appointmentLeadMinutes: number, newMessage: boolean, carePlanChanged: boolean } };

export type DeclineInvitationMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type DeclineInvitationMutation = { declineInvitation: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type VerifyEmailMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type VerifyEmailMutation = { verifyEmail: boolean };

export type SendPhoneVerificationCodeMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type SendPhoneVerificationCodeMutation = { sendPhoneVerificationCode: boolean };

export type ConfirmPhoneNumberMutationVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type ConfirmPhoneNumberMutation = { confirmPhoneNumber: { masked: string, verified: boolean, hidden: boolean } };

export type ProfileUserFieldsFragment = { id: string, firstName: string, lastName: string, email: string, emailVerified: boolean, pendingEmail: string | null, avatarUrl: string | null, locale: string, phone: { masked: string, verified: boolean, hidden: boolean } | null };

export type ProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileQuery = { viewer: { user: { id: string, firstName: string, lastName: string, email: string, emailVerified: boolean, pendingEmail: string | null, avatarUrl: string | null, locale: string, phone: { masked: string, verified: boolean, hidden: boolean } | null }, accounts: Array<{ own: boolean, level: AccessLevel, account: { id: string, displayName: string, avatarUrl: string | null } }> } | null };

export type UpdateProfileMutationVariables = Exact<{
  input: ProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { id: string, firstName: string, lastName: string, email: string, emailVerified: boolean, pendingEmail: string | null, avatarUrl: string | null, locale: string, phone: { masked: string, verified: boolean, hidden: boolean } | null } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
  newPasswordRepeat: Scalars['String']['input'];
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type SetPhoneNumberMutationVariables = Exact<{
  number: Scalars['String']['input'];
  currentPassword?: InputMaybe<Scalars['String']['input']>;
}>;


export type SetPhoneNumberMutation = { setPhoneNumber: { masked: string, verified: boolean, hidden: boolean } };

export type SetPhoneHiddenMutationVariables = Exact<{
  hidden: Scalars['Boolean']['input'];
}>;


export type SetPhoneHiddenMutation = { setPhoneHidden: { masked: string, verified: boolean, hidden: boolean } };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { viewer: { sessions: Array<{ id: string, current: boolean, createdAt: string, lastSeenAt: string, device: string | null }> } | null };

export type EndSessionMutationVariables = Exact<{
  sessionId: Scalars['ID']['input'];
}>;


export type EndSessionMutation = { endSession: boolean };

export type SignOutElsewhereMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutElsewhereMutation = { signOutElsewhere: number };

export type MySecurityLogQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MySecurityLogQuery = { viewer: { securityLog: { nextCursor: string | null, nodes: Array<{ id: string, at: string, action: SecurityAction, device: string | null }> } } | null };

export type LeaveAccountMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type LeaveAccountMutation = { leaveAccount: boolean };

export type RequestStepUpCodeMutationVariables = Exact<{ [key: string]: never; }>;


export type RequestStepUpCodeMutation = { requestStepUpCode: { sentTo: string, expiresAt: string } };

export type VerifyStepUpCodeMutationVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type VerifyStepUpCodeMutation = { verifyStepUpCode: { stepUpValidUntil: string | null } };
