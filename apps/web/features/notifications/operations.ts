import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AccessLevel, Right } from '@/lib/session';

// Hand-written types that mirror shared/contract.graphql.

export interface NotificationPreferencesView {
  appointmentStarting: boolean;
  appointmentLeadMinutes: number;
  newMessage: boolean;
  carePlanChanged: boolean;
}

export interface NotificationAccount {
  own: boolean;
  level: AccessLevel;
  account: { id: string; displayName: string; avatarUrl: string | null; myRights: Right[]; notificationPreferences: NotificationPreferencesView };
}

export interface NotificationData {
  viewer: { accounts: NotificationAccount[] } | null;
}

const PREF_FIELDS = 'appointmentStarting appointmentLeadMinutes newMessage carePlanChanged';

export const NOTIFICATION_PREFERENCES: TypedDocumentNode<NotificationData, Record<string, never>> = gql`
  query NotificationPreferences {
    viewer {
      accounts { own level account { id displayName avatarUrl myRights notificationPreferences { ${PREF_FIELDS} } } }
    }
  }
`;

export const UPDATE_NOTIFICATION_PREFERENCES: TypedDocumentNode<
  { updateNotificationPreferences: NotificationPreferencesView },
  { accountId: string; input: Partial<NotificationPreferencesView> }
> = gql`
  mutation UpdateNotificationPreferences($accountId: ID!, $input: NotificationPreferencesInput!) {
    updateNotificationPreferences(accountId: $accountId, input: $input) { ${PREF_FIELDS} }
  }
`;
