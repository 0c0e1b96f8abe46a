import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CircleQuery,
  CircleQueryVariables,
  ConnectionFieldsFragment,
  DeactivateAccountMutation,
  DeactivateAccountMutationVariables,
  InvitationFieldsFragment,
  InviteHelperMutation,
  InviteHelperMutationVariables,
  LinkProviderMutation,
  LinkProviderMutationVariables,
  ProviderLinkFieldsFragment,
  RemoveConnectionMutation,
  RemoveConnectionMutationVariables,
  ResendInvitationMutation,
  ResendInvitationMutationVariables,
  RevokeInvitationMutation,
  RevokeInvitationMutationVariables,
  SetConnectionLevelMutation,
  SetConnectionLevelMutationVariables,
  UnlinkProviderMutation,
  UnlinkProviderMutationVariables,
} from '@/lib/gql/graphql';

// Result types come from codegen (lib/gql/graphql.ts, from schema.graphql); `npm run codegen -w @kring/web`.
export type InvitationStatus = InvitationFieldsFragment['status'];
export type ConnectionView = ConnectionFieldsFragment;
export type InvitationView = InvitationFieldsFragment;
export type ProviderLinkView = ProviderLinkFieldsFragment;
export type ProviderView = ProviderLinkFieldsFragment['provider'];
export type CircleData = CircleQuery;
export type InviteHelperInput = InviteHelperMutationVariables['input'];

const CONNECTION_FIELDS = gql`
  fragment ConnectionFields on Connection {
    id
    level
    since
    person { id name avatarUrl }
  }
`;
const INVITATION_FIELDS = gql`
  fragment InvitationFields on Invitation {
    id
    firstName
    lastName
    email
    level
    status
    sentAt
    expiresAt
  }
`;
const LINK_FIELDS = gql`
  fragment ProviderLinkFields on ProviderLink {
    id
    linkedAt
    provider { id name contactPhone contactEmail }
  }
`;

export const CIRCLE: TypedDocumentNode<CircleQuery, CircleQueryVariables> = gql`
  query Circle($accountId: ID!) {
    account(id: $accountId) {
      id
      connections { ...ConnectionFields }
      invitations { ...InvitationFields }
      providers { ...ProviderLinkFields }
    }
  }
  ${CONNECTION_FIELDS}
  ${INVITATION_FIELDS}
  ${LINK_FIELDS}
`;

export const SET_CONNECTION_LEVEL: TypedDocumentNode<SetConnectionLevelMutation, SetConnectionLevelMutationVariables> = gql`
  mutation SetConnectionLevel($connectionId: ID!, $level: AccessLevel!) {
    setConnectionLevel(connectionId: $connectionId, level: $level) { ...ConnectionFields }
  }
  ${CONNECTION_FIELDS}
`;

export const REMOVE_CONNECTION: TypedDocumentNode<RemoveConnectionMutation, RemoveConnectionMutationVariables> = gql`
  mutation RemoveConnection($connectionId: ID!) {
    removeConnection(connectionId: $connectionId)
  }
`;


export const INVITE_HELPER: TypedDocumentNode<InviteHelperMutation, InviteHelperMutationVariables> = gql`
  mutation InviteHelper($accountId: ID!, $input: InviteHelperInput!) {
    inviteHelper(accountId: $accountId, input: $input) { ...InvitationFields }
  }
  ${INVITATION_FIELDS}
`;

export const RESEND_INVITATION: TypedDocumentNode<ResendInvitationMutation, ResendInvitationMutationVariables> = gql`
  mutation ResendInvitation($invitationId: ID!) {
    resendInvitation(invitationId: $invitationId) { ...InvitationFields }
  }
  ${INVITATION_FIELDS}
`;

export const REVOKE_INVITATION: TypedDocumentNode<RevokeInvitationMutation, RevokeInvitationMutationVariables> = gql`
  mutation RevokeInvitation($invitationId: ID!) {
    revokeInvitation(invitationId: $invitationId)
  }
`;

export const LINK_PROVIDER: TypedDocumentNode<LinkProviderMutation, LinkProviderMutationVariables> = gql`
  mutation LinkProvider($accountId: ID!, $code: String!, $birthDate: LocalDate!) {
    linkProvider(accountId: $accountId, code: $code, birthDate: $birthDate) { ...ProviderLinkFields }
  }
  ${LINK_FIELDS}
`;

export const UNLINK_PROVIDER: TypedDocumentNode<UnlinkProviderMutation, UnlinkProviderMutationVariables> = gql`
  mutation UnlinkProvider($accountId: ID!, $providerLinkId: ID!) {
    unlinkProvider(accountId: $accountId, providerLinkId: $providerLinkId)
  }
`;

export const DEACTIVATE_ACCOUNT: TypedDocumentNode<DeactivateAccountMutation, DeactivateAccountMutationVariables> = gql`
  mutation DeactivateAccount($accountId: ID!) {
    deactivateAccount(accountId: $accountId)
  }
`;
