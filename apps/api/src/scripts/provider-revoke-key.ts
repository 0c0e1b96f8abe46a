import 'reflect-metadata';
import { openCliDb } from './cli-db';
import { revokeProviderKey } from '../modules/providers/provider-key.service';

/* npm run provider:revoke-key -- <keyId or key prefix, e.g. kp_AbCdEfGh> */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('Usage: provider:revoke-key -- <keyId or key prefix>');
  const db = await openCliDb();
  try {
    const revoked = await db.tx((m) => revokeProviderKey(m, new Date(), target));
    if (!revoked.length) throw new Error(`No live key matches ${target}`);
    for (const k of revoked) console.log(`revoked key ${k.id} (${k.prefix}…) of provider ${k.providerId}`);
  } finally {
    await db.ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
