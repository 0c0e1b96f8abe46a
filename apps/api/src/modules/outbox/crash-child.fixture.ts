/*
 * Test fixture for delivery.int.test.ts (QUALITY.md 22): a worker process that commits an
 * e-mail to the outbox, claims it, optionally hands it to Resend, and is then killed (SIGKILL)
 * before it can mark the row as sent. Run with ts-node by the test; never in production.
 */
import 'reflect-metadata';
import pino from 'pino';
import { FakeClock } from '../../core/clock';
import { openDb } from '../../db/data-source';
import { parseEnv } from '../../env';
import { claimDue } from './delivery';
import { enqueueEmail } from './outbox';
import { senderFromEnv } from './senders';

async function main(): Promise<void> {
  const clock = new FakeClock(process.env.CRASH_CLOCK);
  const db = await openDb(process.env.CRASH_DB_URL ? { url: process.env.CRASH_DB_URL } : { sqliteFile: process.env.CRASH_DB_FILE });
  const env = parseEnv({ KRING_ENV: 'test', RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: process.env.CRASH_FAKE_URL });
  await db.tx((m) => enqueueEmail(m, clock.now(), { kind: 'crash-test', to: 'sanne@example.nl', subject: 'Eén keer', text: 'Precies één keer' }));
  const [row] = await claimDue(db, clock.now(), 'doomed-worker');
  if (row && process.env.CRASH_MODE === 'after-send') await senderFromEnv(env, pino({ level: 'silent' })).send(row);
  process.kill(process.pid, 'SIGKILL');
}

void main();
