import 'reflect-metadata';
import { openCliDb } from './cli-db';
import { verifyAllChains } from '../modules/audit/access-log';

/*
 * npm run audit:verify — checks every account's access-log chain (QUALITY.md 21) and names the
 * first broken entry per account. Exit code 1 when any chain is broken.
 */
openCliDb({ migrate: false })
  .then(async (db) => {
    const { checked, broken } = await verifyAllChains(db.manager);
    await db.ds.destroy();
    for (const b of broken) {
      console.error(`BROKEN account ${b.accountId}: first broken entry seq ${b.seq} (${b.reason})`);
    }
    console.log(`access log: ${checked} account chain(s) checked, ${broken.length} broken`);
    process.exit(broken.length ? 1 : 0);
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
