import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  NotificationPreferencesFieldsFragment,
  NotificationPreferencesQuery,
  NotificationPreferencesQueryVariables,
  UpdateNotificationPreferencesMutation,
  UpdateNotificationPreferencesMutationVariables,
} from '@/lib/gql/graphql';

// Result types come from codegen (lib/gql/graphql.ts, from schema.graphql); `npm run codegen -w @kring/web`.
export type NotificationPreferencesView = NotificationPreferencesFieldsFragment;
export type NotificationData = NotificationPreferencesQuery;
export type NotificationAccount = NonNullable<NotificationPreferencesQuery['viewer']>['accounts'][number];

const PREF_FIELDS = gql`
  fragment NotificationPreferencesFields on NotificationPreferences {
    appointmentStarting
    appointmentLeadMinutes
    newMessage
    carePlanChanged
  }
`;

export const NOTIFICATION_PREFERENCES: TypedDocumentNode<NotificationPreferencesQuery, NotificationPreferencesQueryVariables> = gql`
  query NotificationPreferences {
    viewer {
      accounts { own level account { id displayName avatarUrl myRights notificationPreferences { ...NotificationPreferencesFields } } }
    }
  }
  ${PREF_FIELDS}
`;

export const UPDATE_NOTIFICATION_PREFERENCES: TypedDocumentNode<UpdateNotificationPreferencesMutation, UpdateNotificationPreferencesMutationVariables> = gql`
  mutation UpdateNotificationPreferences($accountId: ID!, $input: NotificationPreferencesInput!) {
    updateNotificationPreferences(accountId: $accountId, input: $input) { ...NotificationPreferencesFields }
  }
  ${PREF_FIELDS}
`;
