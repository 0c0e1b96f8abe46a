import { CombinedGraphQLErrors } from '@apollo/client';

export interface ApiErrorInfo {
  code?: string;
  reason?: string;
  message?: string;
  path?: readonly (string | number)[];
}

/** The first API error (code, reason) from an Apollo error, for translation by the page. */
export function apiErrors(error: unknown): ApiErrorInfo[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => ({
      code: typeof e.extensions?.code === 'string' ? e.extensions.code : undefined,
      reason: typeof e.extensions?.reason === 'string' ? e.extensions.reason : undefined,
      message: e.message,
      path: e.path,
    }));
  }
  if (error) return [{ code: 'SERVICE_UNAVAILABLE' }];
  return [];
}

export function firstApiError(error: unknown): ApiErrorInfo | undefined {
  return apiErrors(error)[0];
}

export function hasCode(error: unknown, code: string): boolean {
  return apiErrors(error).some((e) => e.code === code);
}
