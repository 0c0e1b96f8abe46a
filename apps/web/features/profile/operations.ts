import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AccessLevel } from '@/lib/session';
import type { PhoneNumberView } from '@/features/onboarding/operations';

// Hand-written types that mirror shared/contract.graphql (and schema.graphql for securityLog).

export interface ProfileUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  emailVerified: boolean;
  pendingEmail: string | null;
  phone: PhoneNumberView | null;
  avatarUrl: string | null;
  locale: string;
}

const USER_FIELDS = 'id firstName lastName email emailVerified pendingEmail phone { masked verified hidden } avatarUrl locale';

export interface ProfileData {
  viewer: {
    user: ProfileUser;
    accounts: { own: boolean; level: AccessLevel; account: { id: string; displayName: string; avatarUrl: string | null } }[];
  } | null;
}

export const PROFILE: TypedDocumentNode<ProfileData, Record<string, never>> = gql`
  query Profile {
    viewer {
      user { ${USER_FIELDS} }
      accounts { own level account { id displayName avatarUrl } }
    }
  }
`;

export interface ProfileInput {
  firstName?: string;
  lastName?: string;
  email?: string;
  locale?: string;
}

export const UPDATE_PROFILE: TypedDocumentNode<{ updateProfile: ProfileUser }, { input: ProfileInput }> = gql`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) { ${USER_FIELDS} }
  }
`;

export const CHANGE_PASSWORD: TypedDocumentNode<
  { changePassword: boolean },
  { currentPassword: string; newPassword: string; newPasswordRepeat: string }
> = gql`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!, $newPasswordRepeat: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword, newPasswordRepeat: $newPasswordRepeat)
  }
`;

export const SET_PHONE: TypedDocumentNode<{ setPhoneNumber: PhoneNumberView }, { number: string; currentPassword?: string | null }> = gql`
  mutation SetPhoneNumber($number: String!, $currentPassword: String) {
    setPhoneNumber(number: $number, currentPassword: $currentPassword) { masked verified hidden }
  }
`;

export const SET_PHONE_HIDDEN: TypedDocumentNode<{ setPhoneHidden: PhoneNumberView }, { hidden: boolean }> = gql`
  mutation SetPhoneHidden($hidden: Boolean!) {
    setPhoneHidden(hidden: $hidden) { masked verified hidden }
  }
`;

export interface SessionView {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  device: string | null;
}

export const SESSIONS: TypedDocumentNode<{ viewer: { sessions: SessionView[] } | null }, Record<string, never>> = gql`
  query MySessions {
    viewer { sessions { id current createdAt lastSeenAt device } }
  }
`;

export const END_SESSION: TypedDocumentNode<{ endSession: boolean }, { sessionId: string }> = gql`
  mutation EndSession($sessionId: ID!) {
    endSession(sessionId: $sessionId)
  }
`;

export const SIGN_OUT_ELSEWHERE: TypedDocumentNode<{ signOutElsewhere: number }, Record<string, never>> = gql`
  mutation SignOutElsewhere {
    signOutElsewhere
  }
`;

export interface SecurityEventView {
  id: string;
  at: string;
  action: string;
  device: string | null;
}

export interface SecurityLogData {
  viewer: { securityLog: { nodes: SecurityEventView[]; nextCursor: string | null } } | null;
}

export const SECURITY_LOG: TypedDocumentNode<SecurityLogData, { after?: string | null }> = gql`
  query MySecurityLog($after: String) {
    viewer { securityLog(first: 20, after: $after) { nodes { id at action device } nextCursor } }
  }
`;

export const LEAVE_ACCOUNT: TypedDocumentNode<{ leaveAccount: boolean }, { accountId: string }> = gql`
  mutation LeaveAccount($accountId: ID!) {
    leaveAccount(accountId: $accountId)
  }
`;
