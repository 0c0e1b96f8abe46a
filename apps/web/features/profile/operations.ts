import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ChangePasswordMutation,
  ChangePasswordMutationVariables,
  EndSessionMutation,
  EndSessionMutationVariables,
  LeaveAccountMutation,
  LeaveAccountMutationVariables,
  MySecurityLogQuery,
  MySecurityLogQueryVariables,
  MySessionsQuery,
  MySessionsQueryVariables,
  ProfileQuery,
  ProfileQueryVariables,
  ProfileUserFieldsFragment,
  SetPhoneHiddenMutation,
  SetPhoneHiddenMutationVariables,
  SetPhoneNumberMutation,
  SetPhoneNumberMutationVariables,
  SignOutElsewhereMutation,
  SignOutElsewhereMutationVariables,
  UpdateProfileMutation,
  UpdateProfileMutationVariables,
} from '@/lib/gql/graphql';

// Result types come from codegen (lib/gql/graphql.ts, from schema.graphql); `npm run codegen -w @kring/web`.
export type ProfileUser = ProfileUserFieldsFragment;
export type ProfileData = ProfileQuery;
export type SessionView = NonNullable<MySessionsQuery['viewer']>['sessions'][number];
export type SecurityLogData = MySecurityLogQuery;
export type SecurityEventView = NonNullable<MySecurityLogQuery['viewer']>['securityLog']['nodes'][number];

const PROFILE_USER_FIELDS = gql`
  fragment ProfileUserFields on User {
    id
    firstName
    lastName
    email
    emailVerified
    pendingEmail
    phone { masked verified hidden }
    avatarUrl
    locale
  }
`;

export const PROFILE: TypedDocumentNode<ProfileQuery, ProfileQueryVariables> = gql`
  query Profile {
    viewer {
      user { ...ProfileUserFields }
      accounts { own level account { id displayName avatarUrl } }
    }
  }
  ${PROFILE_USER_FIELDS}
`;

export const UPDATE_PROFILE: TypedDocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables> = gql`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) { ...ProfileUserFields }
  }
  ${PROFILE_USER_FIELDS}
`;

export const CHANGE_PASSWORD: TypedDocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables> = gql`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!, $newPasswordRepeat: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword, newPasswordRepeat: $newPasswordRepeat)
  }
`;

export const SET_PHONE: TypedDocumentNode<SetPhoneNumberMutation, SetPhoneNumberMutationVariables> = gql`
  mutation SetPhoneNumber($number: String!, $currentPassword: String) {
    setPhoneNumber(number: $number, currentPassword: $currentPassword) { masked verified hidden }
  }
`;

export const SET_PHONE_HIDDEN: TypedDocumentNode<SetPhoneHiddenMutation, SetPhoneHiddenMutationVariables> = gql`
  mutation SetPhoneHidden($hidden: Boolean!) {
    setPhoneHidden(hidden: $hidden) { masked verified hidden }
  }
`;

export const SESSIONS: TypedDocumentNode<MySessionsQuery, MySessionsQueryVariables> = gql`
  query MySessions {
    viewer { sessions { id current createdAt lastSeenAt device } }
  }
`;

export const END_SESSION: TypedDocumentNode<EndSessionMutation, EndSessionMutationVariables> = gql`
  mutation EndSession($sessionId: ID!) {
    endSession(sessionId: $sessionId)
  }
`;

export const SIGN_OUT_ELSEWHERE: TypedDocumentNode<SignOutElsewhereMutation, SignOutElsewhereMutationVariables> = gql`
  mutation SignOutElsewhere {
    signOutElsewhere
  }
`;

export const SECURITY_LOG: TypedDocumentNode<MySecurityLogQuery, MySecurityLogQueryVariables> = gql`
  query MySecurityLog($after: String) {
    viewer { securityLog(first: 20, after: $after) { nodes { id at action device } nextCursor } }
  }
`;

export const LEAVE_ACCOUNT: TypedDocumentNode<LeaveAccountMutation, LeaveAccountMutationVariables> = gql`
  mutation LeaveAccount($accountId: ID!) {
    leaveAccount(accountId: $accountId)
  }
`;
