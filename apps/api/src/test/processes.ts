/*
 * The real API in processes of its own (QUALITY.md 23, 24, 26): `src/main.ts` under ts-node, as
 * `npm start` runs it, on a database the test prepared. Separate processes, not apps in one
 * process: state kept in a module's memory would hide bugs there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../db/data-source';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../seed/demo';
import { clearTables, mysqlTestDatabaseUrl, type GqlResult } from './harness';

const ROOT = path.resolve(__dirname, '../../../..');
const MAIN = path.join(ROOT, 'apps/api/src/main.ts');

/** A database for API processes: a SQLite file, or a MariaDB database of this file's own when TEST_DATABASE_URL is set. */
export interface ProcessDatabase {
  dialect: 'sqlite' | 'mysql';
  /** The environment that points an API process at it (DATA_DIR or DATABASE_URL). */
  env: Record<string, string>;
  /** The test's own connection, for checks. */
  db: Db;
  /** The MySQL URL (without database name changes), for a proxy in between. */
  url?: string;
  close(): Promise<void>;
}

/** Migrated, emptied and seeded with the demo circle before any API process starts (so that they do not race to migrate or seed). */
export async function processDatabase(tag: string): Promise<ProcessDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const url = await mysqlTestDatabaseUrl(server, tag);
    const db = await openDb({ url });
    await clearTables(db);
    await seedDemoIfEmpty(db, new Date());
    return { dialect: 'mysql', env: { DATABASE_URL: url }, db, url, close: () => db.ds.destroy() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kring-${tag}-`));
  const db = await openDb({ sqliteFile: path.join(dir, 'kring.sqlite') });
  await seedDemoIfEmpty(db, new Date());
  return {
    dialect: 'sqlite',
    env: { DATA_DIR: dir },
    db,
    async close() {
      await db.ds.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface LogLine {
  level: number;
  time: number;
  msg?: string;
  [k: string]: unknown;
}

export interface Timed<T = any> extends GqlResult<T> {
  /** Milliseconds from sending to the full answer. */
  ms: number;
}

export const PROXY_SECRET = 'test-proxy-secret-123456';

export interface ApiProcess {
  pid: number;
  url: string;
  child: ChildProcess;
  /** pino lines of stdout, parsed, as they came. */
  logs: LogLine[];
  stderr(): string;
  /** Resolves when the process has ended, with when (Date.now()). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  alive(): boolean;
  /** POST /graphql; `ip` is passed as the client address the web app would forward. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, opts?: { token?: string; ip?: string; timeoutMs?: number }): Promise<Timed<T>>;
  ok<T = any>(query: string, variables?: Record<string, unknown>, opts?: { token?: string; ip?: string }): Promise<T>;
  signIn(email: string, password?: string): Promise<string>;
  /** SIGKILL if still running (cleanup). */
  kill(): Promise<void>;
}

/**
 * The processes load @kring/domain from its build (packages/domain/dist), not from source as jest
 * does: a stale build would test old rules, so refuse to start with one.
 */
function assertDomainBuilt(): void {
  const dir = path.join(ROOT, 'packages/domain');
  const built = path.join(dir, 'dist/index.js');
  if (!fs.existsSync(built)) throw new Error('packages/domain is not built: npm run build first');
  const newest = (d: string): number =>
    Math.max(
      0,
      ...fs
        .readdirSync(d, { withFileTypes: true })
        .filter((e) => e.isDirectory() || (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')))
        .map((e) => (e.isDirectory() ? newest(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).mtimeMs)),
    );
  if (newest(path.join(dir, 'src')) > fs.statSync(built).mtimeMs) throw new Error('packages/domain/dist is older than its source: npm run build first');
}

/** Starts `src/main.ts` in a process of its own and waits until it serves. */
export async function spawnApi(database: ProcessDatabase, env: Record<string, string> = {}, name = 'api'): Promise<ApiProcess> {
  assertDomainBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/ts-node/dist/bin.js'), '--swc', '-P', path.join(ROOT, 'apps/api/tsconfig.json'), MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: process.env.TZ ?? 'UTC',
      KRING_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      KRING_PROXY_SECRET: PROXY_SECRET,
      ...database.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  let err = '';
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    rest += chunk.toString('utf8');
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ level: 30, time: Date.now(), msg: line });
      }
    }
  });
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => {
      running = false;
      resolve({ code, signal, at: Date.now() });
    }),
  );
  const url = `http://127.0.0.1:${port}/graphql`;

  const gql: ApiProcess['gql'] = async (query, variables, opts = {}) => {
    const started = Date.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.ip ? { 'x-kring-proxy-secret': PROXY_SECRET, 'x-kring-client-ip': opts.ip } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: GqlResult;
    try {
      body = JSON.parse(text) as GqlResult;
    } catch {
      body = { status: res.status, errors: [{ message: text.slice(0, 200) }] };
    }
    return { ...body, status: res.status, ms: Date.now() - started } as never;
  };
  const ok: ApiProcess['ok'] = async (query, variables, opts) => {
    const r = await gql(query, variables, opts);
    if (r.errors?.length || r.status !== 200) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.errors)}`);
    return r.data as never;
  };

  // Serving once the log says so (or failing with what the process said).
  const deadline = Date.now() + 60_000;
  while (!logs.some((l) => typeof l.msg === 'string' && l.msg.startsWith('Kring API on'))) {
    if (!running) throw new Error(`${name} exited before serving: ${err}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start within 60 s: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    pid: child.pid!,
    url,
    child,
    logs,
    stderr: () => err,
    exited,
    alive: () => running,
    gql,
    ok,
    async signIn(email, password = DEMO_PASSWORD) {
      return (await ok<{ signIn: { token: string } }>('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', { e: email, p: password })).signIn.token;
    },
    async kill() {
      if (!running) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The error code of the first GraphQL error, or null. */
export const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }): string | null =>
  (r.errors?.[0]?.extensions?.code as string | undefined) ?? null;

/**
 * A TCP proxy between API processes and the database, to take the database away without stopping
 * it (other test files use the same server). `cut('refuse')` drops every open connection and
 * closes the port, as a stopped server would; `cut('blackhole')` drops the open connections too,
 * but accepts new ones and never answers (a host that went away). `restore()` serves again.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private blackhole = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<this> {
    this.server = net.createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => undefined);
      if (this.blackhole) return;
      const upstream = net.connect(this.target.port, this.target.host);
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      upstream.on('error', () => undefined);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  /** The database goes away: open connections are cut; new ones are refused, or held unanswered. */
  cut(mode: 'refuse' | 'blackhole' = 'refuse'): void {
    if (mode === 'blackhole') this.blackhole = true;
    else {
      this.server?.close();
      this.server = null;
    }
    for (const s of this.sockets) s.destroy();
  }

  /** The database is back, on the same port. */
  async restore(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.blackhole = false;
    if (!this.server) await this.start();
  }

  stop(): void {
    this.cut();
  }
}
