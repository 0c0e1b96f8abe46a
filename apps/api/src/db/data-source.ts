import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS, SQLITE_MIGRATIONS } from '../migrations';

export type Dialect = 'sqlite' | 'mysql';

/** TypeORM logs only errors, and never with query parameters (they may hold health data or codes). */
const quietLogger: Logger = {
  logQuery: () => undefined,
  logQueryError: (error) => console.error('query failed:', typeof error === 'string' ? error : error.message),
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

export interface DbConfig {
  /** mysql://user:pass@host:port/db — MySQL 8 or MariaDB 10.11 */
  url?: string;
  /** SQLite file; ':memory:' for tests */
  sqliteFile?: string;
}

/** The only place that switches on the dialect (CONVENTIONS.md). */
export function dataSourceOptions(config: DbConfig): DataSourceOptions {
  const common = { entities: ENTITIES, logger: quietLogger, migrationsRun: false, synchronize: false } as const;
  if (config.url) {
    const url = new URL(config.url);
    const mariadb = url.searchParams.get('flavor') === 'mariadb' || url.port === '3306';
    return {
      ...common,
      type: mariadb ? 'mariadb' : 'mysql',
      url: `mysql://${url.username}:${url.password}@${url.hostname}:${url.port || 3306}${url.pathname}`,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      dateStrings: false,
      supportBigNumbers: true,
      migrations: MYSQL_MIGRATIONS,
      // A database that cannot be reached fails a request within 3 s (503), not later (QUALITY.md 23:
      // a host that went away leaves connects hanging; a stopped server refuses them at once).
      extra: { connectionLimit: 20, connectTimeout: 3000, waitForConnections: true, queueLimit: 200 },
    };
  }
  const file = config.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    migrations: SQLITE_MIGRATIONS,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

export function dialectOf(ds: DataSource): Dialect {
  return ds.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}

/**
 * Transactions. On SQLite, TypeORM's single connection would interleave concurrent
 * transactions, so they run one after another under a FIFO lock; nothing slow
 * (argon2, network) may be awaited inside one. On MySQL a deadlock is retried.
 */
export class Db {
  readonly dialect: Dialect;
  private queue: Promise<unknown> = Promise.resolve();

  private readonly migrationsTable: string;

  constructor(readonly ds: DataSource) {
    this.dialect = dialectOf(ds);
    this.migrationsTable = ds.options.migrationsTableName ?? 'migrations';
  }

  get manager(): EntityManager {
    return this.ds.manager;
  }

  async tx<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') {
      // Several processes on one file (API and worker, two APIs): a deferred transaction that read
      // first cannot take the write lock once another process committed (SQLITE_BUSY at once; the
      // busy timeout does not apply). A no-op write as the first statement takes the write lock at
      // the start, waiting up to busy_timeout, as BEGIN IMMEDIATE would (QUALITY.md 26).
      const run = this.queue.then(() =>
        this.ds.transaction(async (m) => {
          await m.query(`DELETE FROM "${this.migrationsTable}" WHERE 0`);
          return work(m);
        }),
      );
      this.queue = run.catch(() => undefined);
      return run;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ds.transaction(work);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 4 || (code !== 'ER_LOCK_DEADLOCK' && code !== 'ER_LOCK_WAIT_TIMEOUT')) throw error;
        await new Promise((r) => setTimeout(r, 10 * attempt * attempt));
      }
    }
  }

  /** SQL suffix that locks selected rows for the transaction (MySQL); SQLite transactions are already serial. */
  get forUpdate(): string {
    return this.dialect === 'mysql' ? ' FOR UPDATE' : '';
  }

  /** Like forUpdate, but rows another worker holds are skipped instead of waited for (outbox, jobs). */
  get skipLocked(): string {
    return this.dialect === 'mysql' ? ' FOR UPDATE SKIP LOCKED' : '';
  }
}

export async function openDb(config: DbConfig, opts: { migrate?: boolean } = {}): Promise<Db> {
  const ds = new DataSource(dataSourceOptions(config));
  await ds.initialize();
  if (opts.migrate !== false) await ds.runMigrations({ transaction: 'each' });
  return new Db(ds);
}
