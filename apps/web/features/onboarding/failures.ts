import { firstErrorCode, type GqlError } from '@/lib/api-server';

/** What the pages translate; anything else becomes UNAVAILABLE or a generic error. */
export type OnboardingFailure =
  | 'CODE_OR_BIRTH_DATE_WRONG'
  | 'LETTER_EXPIRED'
  | 'LETTER_USED'
  | 'ALREADY_ACTIVATED'
  | 'TOO_MANY_TRIES'
  | 'LOGIN_NEEDED'
  | 'LOGIN_EXISTS'
  | 'EMAIL_MISMATCH'
  | 'INVITATION_INVALID'
  | 'ALREADY_CONNECTED'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'TOO_COMMON'
  | 'REQUIRED'
  | 'INVALID_NAME'
  | 'INVALID_EMAIL'
  | 'WRONG_CREDENTIALS'
  | 'RATE_LIMITED'
  | 'BAD_USER_INPUT'
  | 'UNAVAILABLE';

const KNOWN = new Set<string>([
  'CODE_OR_BIRTH_DATE_WRONG',
  'LETTER_EXPIRED',
  'LETTER_USED',
  'ALREADY_ACTIVATED',
  'TOO_MANY_TRIES',
  'LOGIN_NEEDED',
  'LOGIN_EXISTS',
  'EMAIL_MISMATCH',
  'INVITATION_INVALID',
  'ALREADY_CONNECTED',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_COMMON',
  'REQUIRED',
  'INVALID_NAME',
  'INVALID_EMAIL',
]);

/** The API's reason (or code) as one word for the page to translate; never the API's message text. */
export function failureOf(errors: GqlError[] | undefined): OnboardingFailure {
  const { code, reason } = firstErrorCode(errors);
  if (reason && KNOWN.has(reason)) return reason as OnboardingFailure;
  if (code === 'RATE_LIMITED') return 'RATE_LIMITED';
  if (code === 'UNAUTHENTICATED') return 'WRONG_CREDENTIALS';
  if (code === 'BAD_USER_INPUT') return 'BAD_USER_INPUT';
  return 'UNAVAILABLE';
}

