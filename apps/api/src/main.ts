import 'reflect-metadata';
import path from 'node:path';
import { parseEnv } from './env';
import { createLogger } from './core/log';
import { systemClock } from './core/clock';
import { openDb } from './db/data-source';
import { createApp } from './app';
import { seedDemoIfEmpty } from './seed/demo';
import { startWorkers } from './worker/workers';

async function main(): Promise<void> {
  const env = parseEnv();
  const log = createLogger(env.LOG_LEVEL);
  const db = await openDb(env.DATABASE_URL ? { url: env.DATABASE_URL } : { sqliteFile: path.join(env.DATA_DIR, 'kring.sqlite') });
  log.info({ dialect: db.dialect }, 'database migrated');
  if (env.KRING_ENV !== 'production') {
    const seeded = await seedDemoIfEmpty(db, systemClock.now());
    if (seeded) log.info('demo circle seeded');
  }
  const app = await createApp({ db, clock: systemClock, env, log });
  const workers = env.KRING_WORKER === 'inline' ? startWorkers(app.services) : null;
  const port = await app.listen(env.PORT, env.HOST);
  log.info(`Kring API on http://${env.HOST}:${port}/graphql`);

  // SIGTERM: stop taking work, let in-flight requests finish, stop the worker, then close the database.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log.info('stopping');
    await workers?.stop();
    log.info('closing the HTTP server');
    // Keep-alive clients (the web app) get a second to see their connection closed after an answer.
    await app.close({ drainMs: 1000 });
    await db.ds.destroy();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
