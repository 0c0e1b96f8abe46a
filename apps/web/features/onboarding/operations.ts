import { gql, type TypedDocumentNode } from '@apollo/client';

// Hand-written types that mirror shared/contract.graphql. acceptInvitation and activateAccount are not
// here: they run only server-side (auth-providers.ts), and /api/graphql refuses them.

export const DECLINE_INVITATION: TypedDocumentNode<{ declineInvitation: boolean }, { token: string }> = gql`
  mutation DeclineInvitation($token: String!) {
    declineInvitation(token: $token)
  }
`;

export const REQUEST_PASSWORD_RESET: TypedDocumentNode<{ requestPasswordReset: boolean }, { email: string }> = gql`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`;

export const RESET_PASSWORD: TypedDocumentNode<{ resetPassword: boolean }, { token: string; newPassword: string }> = gql`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`;

export const VERIFY_EMAIL: TypedDocumentNode<{ verifyEmail: boolean }, { token: string }> = gql`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`;

export const SEND_PHONE_CODE: TypedDocumentNode<{ sendPhoneVerificationCode: boolean }, { token: string }> = gql`
  mutation SendPhoneVerificationCode($token: String!) {
    sendPhoneVerificationCode(token: $token)
  }
`;

export interface PhoneNumberView {
  masked: string;
  verified: boolean;
  hidden: boolean;
}

export const CONFIRM_PHONE: TypedDocumentNode<{ confirmPhoneNumber: PhoneNumberView }, { code: string }> = gql`
  mutation ConfirmPhoneNumber($code: String!) {
    confirmPhoneNumber(code: $code) { masked verified hidden }
  }
`;
