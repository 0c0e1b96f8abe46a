import { gql, type TypedDocumentNode } from '@apollo/client';

// Hand-written types that mirror shared/contract.graphql.

export interface AccessLogEntryView {
  id: string;
  at: string;
  actorName: string;
  action: string;
  detail: string | null;
}

export interface AccessLogData {
  account: { id: string; accessLog: { nodes: AccessLogEntryView[]; nextCursor: string | null } | null } | null;
}

export interface AccessLogVars {
  accountId: string;
  after?: string | null;
  from?: string | null;
  to?: string | null;
}

export const ACCESS_LOG: TypedDocumentNode<AccessLogData, AccessLogVars> = gql`
  query AccessLog($accountId: ID!, $after: String, $from: DateTimeISO, $to: DateTimeISO) {
    account(id: $accountId) {
      id
      accessLog(first: 50, after: $after, from: $from, to: $to) { nodes { id at actorName action detail } nextCursor }
    }
  }
`;
