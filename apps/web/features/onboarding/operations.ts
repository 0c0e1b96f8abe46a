import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ConfirmPhoneNumberMutation,
  ConfirmPhoneNumberMutationVariables,
  DeclineInvitationMutation,
  DeclineInvitationMutationVariables,
  RequestPasswordResetMutation,
  RequestPasswordResetMutationVariables,
  ResetPasswordMutation,
  ResetPasswordMutationVariables,
  SendPhoneVerificationCodeMutation,
  SendPhoneVerificationCodeMutationVariables,
  VerifyEmailMutation,
  VerifyEmailMutationVariables,
} from '@/lib/gql/graphql';

// Result types come from codegen (lib/gql/graphql.ts, from schema.graphql); `npm run codegen -w @kring/web`.
// acceptInvitation and activateAccount are not here: they run only server-side (auth-providers.ts), and /api/graphql refuses them.

export const DECLINE_INVITATION: TypedDocumentNode<DeclineInvitationMutation, DeclineInvitationMutationVariables> = gql`
  mutation DeclineInvitation($token: String!) {
    declineInvitation(token: $token)
  }
`;

export const REQUEST_PASSWORD_RESET: TypedDocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables> = gql`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`;

export const RESET_PASSWORD: TypedDocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables> = gql`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`;

export const VERIFY_EMAIL: TypedDocumentNode<VerifyEmailMutation, VerifyEmailMutationVariables> = gql`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`;

export const SEND_PHONE_CODE: TypedDocumentNode<SendPhoneVerificationCodeMutation, SendPhoneVerificationCodeMutationVariables> = gql`
  mutation SendPhoneVerificationCode($token: String!) {
    sendPhoneVerificationCode(token: $token)
  }
`;

export type PhoneNumberView = ConfirmPhoneNumberMutation['confirmPhoneNumber'];

export const CONFIRM_PHONE: TypedDocumentNode<ConfirmPhoneNumberMutation, ConfirmPhoneNumberMutationVariables> = gql`
  mutation ConfirmPhoneNumber($code: String!) {
    confirmPhoneNumber(code: $code) { masked verified hidden }
  }
`;
