import pino, { type Logger } from 'pino';

/** Structured logs; request bodies, tokens and codes are never logged (redacted where they could appear). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.authorization', 'token', 'code', 'password', '*.token', '*.code', '*.password'], censor: '[redacted]' },
  });
}
