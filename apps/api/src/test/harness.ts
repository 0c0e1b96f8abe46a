import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { MYSQL_MIGRATIONS } from '../migrations';
import pino from 'pino';
import { createApp, type App } from '../app';
import { FakeClock } from '../core/clock';
import { openDb, type Db } from '../db/data-source';
import { parseEnv, type Env } from '../env';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../seed/demo';
import { OutboxEntity } from '../modules/outbox/outbox.entity';
import { SessionEntity } from '../modules/sessions/session.entity';
import { hashToken } from '../modules/sessions/session.service';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  status: number;
}

export interface TestApi {
  url: string;
  app: App;
  db: Db;
  clock: FakeClock;
  env: Env;
  gql<T = any>(query: string, variables?: Record<string, unknown>, auth?: { token?: string; headers?: Record<string, string> }): Promise<GqlResult<T>>;
  /** Like gql, but fails the test on any error. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, auth?: { token?: string }): Promise<T>;
  signIn(email: string, password?: string): Promise<string>;
  outbox(kind?: string): Promise<OutboxEntity[]>;
  /** Marks the token's session as stepped up now (as a verified SMS code would), for @stepUp fields. */
  stepUp(token: string): Promise<void>;
  close(): Promise<void>;
}

const TABLES_ORDER_SAFE = (db: Db) => db.ds.entityMetadatas.map((e) => e.tableName);

/**
 * A MySQL database for this jest worker on the server of TEST_DATABASE_URL, created on demand;
 * `tag` gives a test file its own database (for API processes of its own). The name carries a
 * hash of the migrations, so a database left by a run with other migrations is never reused.
 */
export async function mysqlTestDatabaseUrl(url: string, tag = ''): Promise<string> {
  const base = new URL(url);
  const migrations = createHash('sha256').update(MYSQL_MIGRATIONS.map((m) => String(m.prototype.up)).join('\n')).digest('hex').slice(0, 8);
  const name = `${base.pathname.slice(1) || 'kring_test'}_w${process.env.JEST_WORKER_ID ?? '0'}${tag ? `_${tag}` : ''}_${migrations}`;
  const server = `mysql://${base.username}:${base.password}@${base.hostname}:${base.port || 3306}`;
  const conn = await createConnection(server);
  await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return `${server}/${name}`;
}

/** Empties every table (MySQL test databases are reused between test files). */
export async function clearTables(db: Db): Promise<void> {
  await db.ds.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const table of TABLES_ORDER_SAFE(db)) await db.ds.query(`DELETE FROM \`${table}\``);
  await db.ds.query('SET FOREIGN_KEY_CHECKS = 1');
}

/** A test database: SQLite in memory, or one MySQL database per jest worker when TEST_DATABASE_URL is set. */
async function testDb(): Promise<Db> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDb({ sqliteFile: ':memory:' });
  const db = await openDb({ url: await mysqlTestDatabaseUrl(url) });
  await clearTables(db);
  return db;
}

export async function startTestApi(opts: { clock?: FakeClock; env?: Partial<Record<keyof Env, string>> } = {}): Promise<TestApi> {
  const clock = opts.clock ?? new FakeClock();
  const db = await testDb();
  const env = parseEnv({ KRING_ENV: 'test', LOG_LEVEL: 'silent', KRING_PROXY_SECRET: 'test-proxy-secret-123456', ...opts.env });
  const app = await createApp({ db, clock, env, log: pino({ level: 'silent' }) });
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;

  const gql: TestApi['gql'] = async (query, variables, auth) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(auth?.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...auth?.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResult;
    return { ...body, status: res.status } as never;
  };
  const ok: TestApi['ok'] = async (query, variables, auth) => {
    const result = await gql(query, variables, auth);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as never;
  };
  return {
    url,
    app,
    db,
    clock,
    env,
    gql,
    ok,
    async signIn(email, password = DEMO_PASSWORD) {
      const data = await ok<{ signIn: { token: string } }>(
        'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      return data.signIn.token;
    },
    outbox: (kind) => db.manager.find(OutboxEntity, { where: kind ? { kind } : {}, order: { createdAt: 'ASC' } }),
    async stepUp(token) {
      await db.manager.update(SessionEntity, { tokenHash: hashToken(token) }, { stepUpUsedAt: clock.now() });
    },
    async close() {
      await app.close();
      await db.ds.destroy();
    },
  };
}

export interface DemoWorld extends TestApi {
  ids: { sanneAccount: string };
  tokens: { sanne: string; jeroen: string; fatima: string; pieter: string };
}

/** The demo circle of the README (Sanne MANAGER, Jeroen TRUST, Fatima BASIC, Pieter NONE), signed in. */
export async function startDemoWorld(opts: Parameters<typeof startTestApi>[0] = {}): Promise<DemoWorld> {
  const api = await startTestApi(opts);
  await seedDemoIfEmpty(api.db, api.clock.now());
  const [sanne, jeroen, fatima, pieter] = await Promise.all(
    ['sanne', 'jeroen', 'fatima', 'pieter'].map((n) => api.signIn(`${n}@example.nl`)),
  );
  const me = await api.ok<{ viewer: { accounts: { own: boolean; account: { id: string } }[] } }>(
    '{ viewer { accounts { own account { id } } } }',
    {},
    { token: sanne },
  );
  return {
    ...api,
    ids: { sanneAccount: me.viewer.accounts.find((a) => a.own)!.account.id },
    tokens: { sanne: sanne!, jeroen: jeroen!, fatima: fatima!, pieter: pieter! },
  };
}
