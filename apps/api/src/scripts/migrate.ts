import 'reflect-metadata';
import { openCliDb } from './cli-db';

openCliDb()
  .then(async (db) => {
    console.log(`migrated (${db.dialect})`);
    await db.ds.destroy();
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
