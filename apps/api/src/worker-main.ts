import 'reflect-metadata';
import path from 'node:path';
import { parseEnv } from './env';
import { createLogger } from './core/log';
import { systemClock } from './core/clock';
import { openDb } from './db/data-source';
import { startWorkers, JOBS } from './worker/workers';
import './modules/register';

/**
 * The worker as its own process (`npm run worker`): outbox delivery, reminders, notification
 * digests and purges, for deployments that run API replicas with KRING_WORKER=off. Several
 * workers may run at once: rows are claimed (SKIP LOCKED on MySQL) and reminders are unique.
 */
async function main(): Promise<void> {
  const env = parseEnv();
  const log = createLogger(env.LOG_LEVEL);
  const db = await openDb(env.DATABASE_URL ? { url: env.DATABASE_URL } : { sqliteFile: path.join(env.DATA_DIR, 'kring.sqlite') });
  const workers = startWorkers({ db, clock: systemClock, env, log });
  log.info({ jobs: JOBS.map((j) => j.name) }, 'Kring worker running');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Finish the jobs in flight, then close the database.
    await workers.stop();
    await db.ds.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
