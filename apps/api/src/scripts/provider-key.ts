import 'reflect-metadata';
import { openCliDb } from './cli-db';
import { issueProviderKey } from '../modules/providers/provider-key.service';
import { ProviderEntity } from '../modules/providers/provider.entity';

/* npm run provider:key -- <providerId>: a new API key (rotation; older keys work until revoked). */
async function main(): Promise<void> {
  const providerId = process.argv[2];
  if (!providerId) throw new Error('Usage: provider:key -- <providerId>');
  const db = await openCliDb();
  try {
    const key = await db.tx(async (m) => {
      if (!(await m.findOneBy(ProviderEntity, { id: providerId }))) throw new Error(`No provider with id ${providerId}`);
      return issueProviderKey(m, new Date(), providerId);
    });
    console.log(`key id:  ${key.id}`);
    console.log(`API key: ${key.key}`);
    console.log('Keep this key safe: it is shown only now.');
  } finally {
    await db.ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
