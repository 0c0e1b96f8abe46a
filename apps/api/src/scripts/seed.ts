import 'reflect-metadata';
import { openCliDb } from './cli-db';
import { seedDemoIfEmpty } from '../seed/demo';

openCliDb()
  .then(async (db) => {
    const seeded = await seedDemoIfEmpty(db, new Date());
    console.log(seeded ? 'demo circle seeded' : 'database not empty: nothing seeded');
    await db.ds.destroy();
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
