import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CalendarMode } from './zoned';

// Hand-written types mirroring shared/contract.graphql (calendar part).
export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export type Scope = 'THIS_OCCURRENCE' | 'THIS_AND_FOLLOWING' | 'ALL_OCCURRENCES';

export interface PersonView {
  id: string;
  name: string;
  avatarUrl: string | null;
}

export interface AppointmentView {
  id: string;
  source: 'PROVIDER' | 'PRIVATE';
  title: string;
  start: string;
  durationMinutes: number;
  location: string | null;
  description: string | null;
  recurrence: { frequency: Frequency; interval: number; untilDate: string | null; count: number | null; rrule: string } | null;
  helpers: PersonView[];
  practitionerName: string | null;
  provider: { id: string; name: string } | null;
  videoUrl: string | null;
  cancelled: boolean;
  canEdit: boolean;
}

export interface OccurrenceView {
  start: string;
  end: string;
  originalStart: string;
  account: { id: string; displayName: string; avatarUrl: string | null; timeZone: string };
  appointment: AppointmentView;
}

const APPOINTMENT_FIELDS = `id source title start durationMinutes location description
  recurrence { frequency interval untilDate count rrule }
  helpers { id name avatarUrl } practitionerName provider { id name } videoUrl cancelled canEdit`;
const OCCURRENCE_FIELDS = `start end originalStart account { id displayName avatarUrl timeZone } appointment { ${APPOINTMENT_FIELDS} }`;

export interface CalendarData {
  account: { id: string; calendar: OccurrenceView[] | null } | null;
}

export const ACCOUNT_CALENDAR: TypedDocumentNode<CalendarData, { accountId: string; from: string; to: string }> = gql`
  query AccountCalendar($accountId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
    account(id: $accountId) { id calendar(from: $from, to: $to) { ${OCCURRENCE_FIELDS} } }
  }
`;

/**
 * The first window of the calendar as the server fetched it while rendering the page: the page uses it
 * only when it would ask exactly these variables first (same account, mode and window).
 */
export interface CalendarInitial {
  mode: CalendarMode;
  variables: { accountId: string; from: string; to: string };
  data: CalendarData;
}

export interface AgendaData {
  viewer: { agenda: OccurrenceView[] } | null;
}

/** Everyone's appointments the viewer may see, for a helper of several people. */
export const VIEWER_AGENDA: TypedDocumentNode<AgendaData, { from: string; to: string }> = gql`
  query ViewerAgenda($from: DateTimeISO!, $to: DateTimeISO!) {
    viewer { agenda(from: $from, to: $to) { ${OCCURRENCE_FIELDS} } }
  }
`;

export interface MembersData {
  account: { id: string; members: PersonView[] | null } | null;
}

export const CALENDAR_MEMBERS: TypedDocumentNode<MembersData, { accountId: string }> = gql`
  query CalendarMembers($accountId: ID!) {
    account(id: $accountId) { id members { id name avatarUrl } }
  }
`;

export interface RecurrenceInputView {
  frequency: Frequency;
  interval: number;
  untilDate?: string | null;
  count?: number | null;
}

export interface AppointmentInputView {
  title: string;
  start: string;
  durationMinutes: number;
  location?: string | null;
  description?: string | null;
  recurrence?: RecurrenceInputView | null;
  helperIds?: string[];
}

export const CREATE_APPOINTMENT: TypedDocumentNode<
  { createAppointment: AppointmentView },
  { accountId: string; input: AppointmentInputView }
> = gql`
  mutation CreateAppointment($accountId: ID!, $input: AppointmentInput!) {
    createAppointment(accountId: $accountId, input: $input) { ${APPOINTMENT_FIELDS} }
  }
`;

export const UPDATE_APPOINTMENT: TypedDocumentNode<
  { updateAppointment: AppointmentView },
  { id: string; input: AppointmentInputView; scope: Scope; occurrenceStart?: string | null }
> = gql`
  mutation UpdateAppointment($id: ID!, $input: AppointmentInput!, $scope: OccurrenceScope!, $occurrenceStart: DateTimeISO) {
    updateAppointment(id: $id, input: $input, scope: $scope, occurrenceStart: $occurrenceStart) { ${APPOINTMENT_FIELDS} }
  }
`;

export const DELETE_APPOINTMENT: TypedDocumentNode<
  { deleteAppointment: boolean },
  { id: string; scope: Scope; occurrenceStart?: string | null }
> = gql`
  mutation DeleteAppointment($id: ID!, $scope: OccurrenceScope!, $occurrenceStart: DateTimeISO) {
    deleteAppointment(id: $id, scope: $scope, occurrenceStart: $occurrenceStart)
  }
`;

export const SET_HELPERS: TypedDocumentNode<{ setAppointmentHelpers: AppointmentView }, { id: string; helperIds: string[] }> = gql`
  mutation SetAppointmentHelpers($id: ID!, $helperIds: [ID!]!) {
    setAppointmentHelpers(id: $id, helperIds: $helperIds) { ${APPOINTMENT_FIELDS} }
  }
`;

export const FEED_URL: TypedDocumentNode<{ viewer: { calendarFeedUrl: string | null } | null }, Record<string, never>> = gql`
  query CalendarFeedUrl {
    viewer { calendarFeedUrl }
  }
`;

export const CREATE_FEED: TypedDocumentNode<{ createCalendarFeed: string }, Record<string, never>> = gql`
  mutation CreateCalendarFeed {
    createCalendarFeed
  }
`;

export const REVOKE_FEED: TypedDocumentNode<{ revokeCalendarFeed: boolean }, Record<string, never>> = gql`
  mutation RevokeCalendarFeed {
    revokeCalendarFeed
  }
`;
