import { gql, type TypedDocumentNode } from '@apollo/client';

export const REQUEST_STEP_UP_CODE: TypedDocumentNode<{ requestStepUpCode: { sentTo: string; expiresAt: string } }, Record<string, never>> = gql`
  mutation RequestStepUpCode {
    requestStepUpCode { sentTo expiresAt }
  }
`;

export const VERIFY_STEP_UP_CODE: TypedDocumentNode<{ verifyStepUpCode: { stepUpValidUntil: string | null } }, { code: string }> = gql`
  mutation VerifyStepUpCode($code: String!) {
    verifyStepUpCode(code: $code) { stepUpValidUntil }
  }
`;
