import { gql, type TypedDocumentNode } from '@apollo/client';

// Hand-written types that mirror shared/contract.graphql (see README in features/ for codegen plans).
export type Audience = 'ALL_CONNECTIONS' | 'TRUST_GROUP';

export interface PersonView {
  id: string;
  name: string;
  avatarUrl: string | null;
}

export interface MessageView {
  id: string;
  audience: Audience;
  author: PersonView;
  body: string;
  sentAt: string;
}

export interface MessagePageView {
  nodes: MessageView[];
  nextCursor: string | null;
}

export interface MessagesData {
  account: { id: string; messages?: MessagePageView | null; trustGroupMessages?: MessagePageView | null } | null;
}
export interface MessagesVars {
  accountId: string;
  after?: string | null;
}

const MESSAGE_FIELDS = `id audience body sentAt author { id name avatarUrl }`;

export const ALL_MESSAGES: TypedDocumentNode<MessagesData, MessagesVars> = gql`
  query AllMessages($accountId: ID!, $after: String) {
    account(id: $accountId) {
      id
      messages(first: 20, after: $after) { nodes { ${MESSAGE_FIELDS} } nextCursor }
    }
  }
`;

export const TRUST_MESSAGES: TypedDocumentNode<MessagesData, MessagesVars> = gql`
  query TrustGroupMessages($accountId: ID!, $after: String) {
    account(id: $accountId) {
      id
      trustGroupMessages(first: 20, after: $after) { nodes { ${MESSAGE_FIELDS} } nextCursor }
    }
  }
`;

export interface MembersData {
  account: { id: string; members: PersonView[] | null } | null;
}

/** People who can see this account's calendar: exactly those who read messages to all connections. */
export const ACCOUNT_MEMBERS: TypedDocumentNode<MembersData, { accountId: string }> = gql`
  query AccountMembers($accountId: ID!) {
    account(id: $accountId) { id members { id name avatarUrl } }
  }
`;

export const POST_MESSAGE: TypedDocumentNode<
  { postMessage: MessageView },
  { accountId: string; audience: Audience; body: string }
> = gql`
  mutation PostMessage($accountId: ID!, $audience: Audience!, $body: String!) {
    postMessage(accountId: $accountId, audience: $audience, body: $body) { ${MESSAGE_FIELDS} }
  }
`;

export const DELETE_MESSAGE: TypedDocumentNode<{ deleteMessage: boolean }, { id: string }> = gql`
  mutation DeleteMessage($id: ID!) {
    deleteMessage(id: $id)
  }
`;
