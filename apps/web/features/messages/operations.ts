import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AccountMembersQuery,
  AccountMembersQueryVariables,
  AllMessagesQuery,
  AllMessagesQueryVariables,
  DeleteMessageMutation,
  DeleteMessageMutationVariables,
  MessageFieldsFragment,
  PostMessageMutation,
  PostMessageMutationVariables,
  TrustGroupMessagesQuery,
  TrustGroupMessagesQueryVariables,
} from '@/lib/gql/graphql';

// Result types come from codegen (lib/gql/graphql.ts, from schema.graphql); `npm run codegen -w @kring/web`.
export type Audience = MessageFieldsFragment['audience'];
export type MessageView = MessageFieldsFragment;
export type PersonView = MessageFieldsFragment['author'];

export interface MessagePageView {
  nodes: MessageView[];
  nextCursor: string | null;
}

/** Both message lists in one shape, so that one list component serves both tabs. */
export interface MessagesData {
  account: { id: string; messages?: MessagePageView | null; trustGroupMessages?: MessagePageView | null } | null;
}
export interface MessagesVars {
  accountId: string;
  after?: string | null;
}

const MESSAGE_FIELDS = gql`
  fragment MessageFields on Message {
    id
    audience
    body
    sentAt
    author {
      id
      name
      avatarUrl
    }
  }
`;

const ALL_MESSAGES_DOC: TypedDocumentNode<AllMessagesQuery, AllMessagesQueryVariables> = gql`
  query AllMessages($accountId: ID!, $after: String) {
    account(id: $accountId) {
      id
      messages(first: 20, after: $after) {
        nodes {
          ...MessageFields
        }
        nextCursor
      }
    }
  }
  ${MESSAGE_FIELDS}
`;

const TRUST_MESSAGES_DOC: TypedDocumentNode<TrustGroupMessagesQuery, TrustGroupMessagesQueryVariables> = gql`
  query TrustGroupMessages($accountId: ID!, $after: String) {
    account(id: $accountId) {
      id
      trustGroupMessages(first: 20, after: $after) {
        nodes {
          ...MessageFields
        }
        nextCursor
      }
    }
  }
  ${MESSAGE_FIELDS}
`;

// The assignments check at compile time that the generated result fits the shared view type.
export const ALL_MESSAGES: TypedDocumentNode<MessagesData, MessagesVars> = ALL_MESSAGES_DOC;
export const TRUST_MESSAGES: TypedDocumentNode<MessagesData, MessagesVars> = TRUST_MESSAGES_DOC;

/** People who can see this account's calendar: exactly those who read messages to all connections. */
export const ACCOUNT_MEMBERS: TypedDocumentNode<AccountMembersQuery, AccountMembersQueryVariables> = gql`
  query AccountMembers($accountId: ID!) {
    account(id: $accountId) {
      id
      members {
        id
        name
        avatarUrl
      }
    }
  }
`;

export const POST_MESSAGE: TypedDocumentNode<PostMessageMutation, PostMessageMutationVariables> = gql`
  mutation PostMessage($accountId: ID!, $audience: Audience!, $body: String!) {
    postMessage(accountId: $accountId, audience: $audience, body: $body) {
      ...MessageFields
    }
  }
  ${MESSAGE_FIELDS}
`;

export const DELETE_MESSAGE: TypedDocumentNode<DeleteMessageMutation, DeleteMessageMutationVariables> = gql`
  mutation DeleteMessage($id: ID!) {
    deleteMessage(id: $id)
  }
`;
