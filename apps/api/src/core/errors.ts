import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'STEP_UP_REQUIRED',
  'PHONE_REQUIRED',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Default texts; the web app translates by code and `reason`, these are the API's own fallbacks. */
const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'Je bent niet (meer) ingelogd.',
  FORBIDDEN: 'Dit mag je niet zien of doen.',
  NOT_FOUND: 'Niet gevonden.',
  STEP_UP_REQUIRED: 'Bevestig eerst met een sms-code.',
  PHONE_REQUIRED: 'Voor deze pagina is een bevestigd mobiel nummer nodig.',
  BAD_USER_INPUT: 'Controleer wat je hebt ingevuld.',
  RATE_LIMITED: 'Te veel pogingen. Probeer het later opnieuw.',
  SERVICE_UNAVAILABLE: 'Kring is even niet bereikbaar. Probeer het zo opnieuw.',
  INTERNAL_SERVER_ERROR: 'Er ging iets mis.',
};

/** The one error type of the API; `reason` is a stable machine word (e.g. TOO_COMMON), `field` the input at fault. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    extra: { reason?: string; field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (reason: string, message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, { reason, field });
export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
/** The database is away; answered with HTTP 503 where the whole request fails (not per field). */
export function serviceUnavailable(): AppError {
  const error = new AppError('SERVICE_UNAVAILABLE');
  error.extensions.http = { status: 503 };
  return error;
}

const PASS_THROUGH = new Set<string>([...ERROR_CODES, 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/**
 * Masks everything that is not an AppError or a GraphQL validation error:
 * no SQL, stacks or echoed input reach a client (QUALITY.md 18).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  correlationId: () => string,
  onUnexpected: (error: unknown, id: string) => void,
): GraphQLFormattedError {
  const rawCode = formatted.extensions?.code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AppError || (PASS_THROUGH.has(code) && !(original instanceof Error && !(original instanceof GraphQLError)))) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (isDatabaseDown(original)) {
    return { message: DEFAULT_MESSAGES.SERVICE_UNAVAILABLE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  const id = correlationId();
  onUnexpected(original, id);
  return {
    message: DEFAULT_MESSAGES.INTERNAL_SERVER_ERROR,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: id },
  };
}

export function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return ['ECONNREFUSED', 'PROTOCOL_CONNECTION_LOST', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'ER_SERVER_SHUTDOWN'].includes(code ?? '');
}
