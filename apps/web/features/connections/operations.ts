import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AccessLevel } from '@/lib/session';

// Hand-written types that mirror shared/contract.graphql.

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'EXPIRED' | 'REVOKED';

export interface ConnectionView {
  id: string;
  person: { id: string; name: string; avatarUrl: string | null };
  level: AccessLevel;
  since: string;
}

export interface InvitationView {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  level: AccessLevel;
  status: InvitationStatus;
  sentAt: string;
  expiresAt: string;
}

export interface ProviderView {
  id: string;
  name: string;
  contactPhone: string | null;
  contactEmail: string | null;
}

export interface ProviderLinkView {
  id: string;
  provider: ProviderView;
  linkedAt: string;
}

export interface CircleData {
  account: {
    id: string;
    connections: ConnectionView[] | null;
    invitations: InvitationView[] | null;
    providers: ProviderLinkView[] | null;
  } | null;
}

const CONNECTION_FIELDS = 'id level since person { id name avatarUrl }';
const INVITATION_FIELDS = 'id firstName lastName email level status sentAt expiresAt';
const LINK_FIELDS = 'id linkedAt provider { id name contactPhone contactEmail }';

export const CIRCLE: TypedDocumentNode<CircleData, { accountId: string }> = gql`
  query Circle($accountId: ID!) {
    account(id: $accountId) {
      id
      connections { ${CONNECTION_FIELDS} }
      invitations { ${INVITATION_FIELDS} }
      providers { ${LINK_FIELDS} }
    }
  }
`;

export const SET_CONNECTION_LEVEL: TypedDocumentNode<{ setConnectionLevel: ConnectionView }, { connectionId: string; level: AccessLevel }> = gql`
  mutation SetConnectionLevel($connectionId: ID!, $level: AccessLevel!) {
    setConnectionLevel(connectionId: $connectionId, level: $level) { ${CONNECTION_FIELDS} }
  }
`;

export const REMOVE_CONNECTION: TypedDocumentNode<{ removeConnection: boolean }, { connectionId: string }> = gql`
  mutation RemoveConnection($connectionId: ID!) {
    removeConnection(connectionId: $connectionId)
  }
`;

export interface InviteHelperInput {
  firstName: string;
  lastName: string;
  email: string;
  level: AccessLevel;
}

export const INVITE_HELPER: TypedDocumentNode<{ inviteHelper: InvitationView }, { accountId: string; input: InviteHelperInput }> = gql`
  mutation InviteHelper($accountId: ID!, $input: InviteHelperInput!) {
    inviteHelper(accountId: $accountId, input: $input) { ${INVITATION_FIELDS} }
  }
`;

export const RESEND_INVITATION: TypedDocumentNode<{ resendInvitation: InvitationView }, { invitationId: string }> = gql`
  mutation ResendInvitation($invitationId: ID!) {
    resendInvitation(invitationId: $invitationId) { ${INVITATION_FIELDS} }
  }
`;

export const REVOKE_INVITATION: TypedDocumentNode<{ revokeInvitation: boolean }, { invitationId: string }> = gql`
  mutation RevokeInvitation($invitationId: ID!) {
    revokeInvitation(invitationId: $invitationId)
  }
`;

export const LINK_PROVIDER: TypedDocumentNode<
  { linkProvider: ProviderLinkView },
  { accountId: string; code: string; birthDate: string }
> = gql`
  mutation LinkProvider($accountId: ID!, $code: String!, $birthDate: LocalDate!) {
    linkProvider(accountId: $accountId, code: $code, birthDate: $birthDate) { ${LINK_FIELDS} }
  }
`;

export const UNLINK_PROVIDER: TypedDocumentNode<{ unlinkProvider: boolean }, { accountId: string; providerLinkId: string }> = gql`
  mutation UnlinkProvider($accountId: ID!, $providerLinkId: ID!) {
    unlinkProvider(accountId: $accountId, providerLinkId: $providerLinkId)
  }
`;

export const DEACTIVATE_ACCOUNT: TypedDocumentNode<{ deactivateAccount: boolean }, { accountId: string }> = gql`
  mutation DeactivateAccount($accountId: ID!) {
    deactivateAccount(accountId: $accountId)
  }
`;
