import path from 'node:path';
import { parseEnv } from '../env';
import { openDb, type Db } from '../db/data-source';

/** The database the CLI scripts work on: the same choice as the API makes. */
export function openCliDb(opts: { migrate?: boolean } = {}): Promise<Db> {
  const env = parseEnv();
  return openDb(env.DATABASE_URL ? { url: env.DATABASE_URL } : { sqliteFile: path.join(env.DATA_DIR, 'kring.sqlite') }, opts);
}
