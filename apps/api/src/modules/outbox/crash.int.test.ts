import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import pino from 'pino';
import { FakeClock } from '../../core/clock';
import { openDb } from '../../db/data-source';
import { parseEnv } from '../../env';
import { FakeProviders } from './fake-providers';
import { CLAIM_TTL_MS, deliverDue } from './delivery';
import { OutboxEntity } from './outbox.entity';
import { senderFromEnv } from './senders';

const ROOT = path.resolve(__dirname, '../../../../..');
const CHILD = path.join(__dirname, 'crash-child.fixture.ts');

/** Runs the fixture in its own Node process and waits until it is killed. */
function runDoomedWorker(env: Record<string, string>): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/ts-node/dist/bin.js'), '--swc', '-P', path.join(ROOT, 'apps/api/tsconfig.json'), CHILD], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal ? resolve(signal) : reject(new Error(`worker exited with ${code}: ${err}`))));
  });
}

/*
 * QUALITY.md 22 with a real process: kill it between commit and send (and between send and
 * marking), restart, and exactly one e-mail leaves. Two processes share one database: a SQLite
 * file, or MariaDB when TEST_DATABASE_URL is set.
 */
describe('killing the worker process (QUALITY.md 22)', () => {
  let dir: string;
  let fake: FakeProviders;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kring-crash-'));
    fake = await new FakeProviders().start();
  });
  afterEach(async () => {
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh database both processes can open: a SQLite file, or a MariaDB database when TEST_DATABASE_URL is set. */
  async function freshDatabase(): Promise<{ config: { url: string } | { sqliteFile: string }; env: Record<string, string> }> {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) {
      const file = path.join(dir, 'kring.sqlite');
      return { config: { sqliteFile: file }, env: { CRASH_DB_FILE: file } };
    }
    const base = new URL(url);
    const server = `mysql://${base.username}:${base.password}@${base.hostname}:${base.port || 3306}`;
    const name = `${base.pathname.slice(1) || 'kring_test'}_crash_w${process.env.JEST_WORKER_ID ?? '0'}`;
    const conn = await createConnection(server);
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
    return { config: { url: `${server}/${name}` }, env: { CRASH_DB_URL: `${server}/${name}` } };
  }

  it.each(['before-send', 'after-send'])('killed %s: after a restart exactly one e-mail leaves', async (mode) => {
    const database = await freshDatabase();
    const start = '2026-03-02T09:00:00.000Z';
    expect(await runDoomedWorker({ ...database.env, CRASH_FAKE_URL: fake.url, CRASH_MODE: mode, CRASH_CLOCK: start })).toBe('SIGKILL');
    expect(fake.requests).toHaveLength(mode === 'after-send' ? 1 : 0);

    // The restarted worker: same database, a clock past the dead worker's claim.
    const db = await openDb(database.config);
    try {
      const clock = new FakeClock(start);
      const env = parseEnv({ KRING_ENV: 'test', RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: fake.url });
      const log = pino({ level: 'silent' });
      const services = { db, clock, env, log };
      const sender = senderFromEnv(env, log);
      await deliverDue(services, sender, 'restarted');
      expect(fake.delivered).toHaveLength(mode === 'after-send' ? 1 : 0);
      clock.advance(CLAIM_TTL_MS);
      await deliverDue(services, sender, 'restarted');
      await deliverDue(services, sender, 'restarted');
      expect(fake.delivered).toHaveLength(1);
      expect(new Set(fake.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
      const [row] = await db.manager.find(OutboxEntity);
      expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
    } finally {
      await db.ds.destroy();
    }
  }, 90_000);
});
