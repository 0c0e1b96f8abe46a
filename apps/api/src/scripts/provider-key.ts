import 'reflect-metadata';
import { openCliDb } from './cli-db';
import { issueProviderKey } from '../modules/providers/provider-key.service';
import { ProviderEntity } from '../modules/providers/provider.entity';

/* npm run provider:key -- <providerId or exact name>: a new API key (rotation; older keys work until revoked). */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('Usage: provider:key -- <providerId or exact name>');
  const db = await openCliDb();
  try {
    const key = await db.tx(async (m) => {
      const byId = /^[0-9a-f-]{36}$/i.test(target) ? await m.findOneBy(ProviderEntity, { id: target }) : null;
      const byName = byId ? [] : await m.findBy(ProviderEntity, { name: target });
      if (byName.length > 1) throw new Error(`${byName.length} providers are named ${target}; use the provider id.`);
      const provider = byId ?? byName[0];
      if (!provider) throw new Error(`No provider ${target}`);
      return issueProviderKey(m, new Date(), provider.id);
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
