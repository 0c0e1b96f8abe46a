import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { openDb, type Db } from './data-source';

/** The committed migrations of the dialect under test leave nothing for TypeORM's schema diff to do. */
async function freshDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openDb({ sqliteFile: ':memory:' });
    return { db, drop: () => db.ds.destroy() };
  }
  const base = new URL(url);
  const server = `mysql://${base.username}:${base.password}@${base.hostname}:${base.port || 3306}`;
  const name = `${base.pathname.slice(1) || 'kring_test'}_migrations_w${process.env.JEST_WORKER_ID ?? '0'}`;
  const conn = await createConnection(server);
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const db = await openDb({ url: `${server}/${name}` });
  return {
    db,
    drop: async () => {
      await db.ds.destroy();
      await conn.query(`DROP DATABASE \`${name}\``);
      await conn.end();
    },
  };
}

describe('migrations', () => {
  it('create exactly the schema the entities describe', async () => {
    const { db, drop } = await freshDb();
    try {
      const pending = await db.ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await db.ds.showMigrations()).toBe(false);
    } finally {
      await drop();
    }
  });
});
