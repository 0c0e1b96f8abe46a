import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  RequestStepUpCodeMutation,
  RequestStepUpCodeMutationVariables,
  VerifyStepUpCodeMutation,
  VerifyStepUpCodeMutationVariables,
} from '@/lib/gql/graphql';

// Result types come from codegen (lib/gql/graphql.ts, from schema.graphql); `npm run codegen -w @kring/web`.
export const REQUEST_STEP_UP_CODE: TypedDocumentNode<RequestStepUpCodeMutation, RequestStepUpCodeMutationVariables> = gql`
  mutation RequestStepUpCode {
    requestStepUpCode {
      sentTo
      expiresAt
    }
  }
`;

export const VERIFY_STEP_UP_CODE: TypedDocumentNode<VerifyStepUpCodeMutation, VerifyStepUpCodeMutationVariables> = gql`
  mutation VerifyStepUpCode($code: String!) {
    verifyStepUpCode(code: $code) {
      stepUpValidUntil
    }
  }
`;
