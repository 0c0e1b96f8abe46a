import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AccessLogQuery, AccessLogQueryVariables } from '@/lib/gql/graphql';

// Result types come from codegen (lib/gql/graphql.ts, from schema.graphql); `npm run codegen -w @kring/web`.
export type AccessLogData = AccessLogQuery;
export type AccessLogVars = AccessLogQueryVariables;
export type AccessLogEntryView = NonNullable<NonNullable<AccessLogQuery['account']>['accessLog']>['nodes'][number];

export const ACCESS_LOG: TypedDocumentNode<AccessLogQuery, AccessLogQueryVariables> = gql`
  query AccessLog($accountId: ID!, $after: String, $from: DateTimeISO, $to: DateTimeISO) {
    account(id: $accountId) {
      id
      accessLog(first: 50, after: $after, from: $from, to: $to) { nodes { id at actorName action detail } nextCursor }
    }
  }
`;
