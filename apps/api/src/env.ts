import path from 'node:path';
import { z } from 'zod';

/** Configuration, parsed once. A bad value stops start-up with a message naming the variable. */
const schema = z.object({
  // Production behaviour is decided by KRING_ENV, never by NODE_ENV.
  KRING_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().regex(/^mysql:\/\//, 'must start with mysql://').optional(),
  DATA_DIR: z.string().default(path.resolve(__dirname, '../../../.data')),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_WEB_URL: z.url().default('http://localhost:3000'),
  PUBLIC_API_URL: z.url().default('http://localhost:4000'),
  KRING_PROXY_SECRET: z.string().min(16).optional(),
  SUPPORT_EMAIL: z.email().default('support@kring.example'),
  MAIL_FROM: z.string().default('Kring <no-reply@kring.example>'),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.url().optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KRING_WORKER: z.enum(['inline', 'off']).default('inline'),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.KRING_ENV === 'production') {
    const missing = ['KRING_PROXY_SECRET', 'RESEND_API_KEY', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN']
      .filter((k) => !env[k as keyof Env]);
    if (!env.TWILIO_FROM && !env.TWILIO_MESSAGING_SERVICE_SID) missing.push('TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID');
    // Production needs real delivery and a real secret; the dev outbox is never a fallback there.
    if (missing.length) throw new Error(`Invalid configuration: production needs ${missing.join(', ')}`);
  }
  return env;
}
