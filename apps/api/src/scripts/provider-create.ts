import 'reflect-metadata';
import { openCliDb } from './cli-db';
import { createProvider, issueProviderKey } from '../modules/providers/provider-key.service';

/*
 * npm run provider:create -- "GGZ Voorbeeld" [--phone "020 123 45 67"] [--email secretariaat@…]
 * Prints the provider id and its first API key. The key is shown once: only its hash is kept.
 */
function parseArgs(argv: string[]): { name: string; phone: string | null; email: string | null } {
  let name = '';
  let phone: string | null = null;
  let email: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--phone') phone = argv[++i] ?? null;
    else if (arg === '--email') email = argv[++i] ?? null;
    else if (!name) name = arg;
  }
  if (!name.trim()) throw new Error('Usage: provider:create -- "Name" [--phone X] [--email Y]');
  return { name, phone, email };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const db = await openCliDb();
  try {
    const { provider, key } = await db.tx(async (m) => {
      const now = new Date();
      const provider = await createProvider(m, now, { name: args.name, contactPhone: args.phone, contactEmail: args.email });
      return { provider, key: await issueProviderKey(m, now, provider.id) };
    });
    console.log(`provider id: ${provider.id}`);
    console.log(`name:        ${provider.name}`);
    console.log(`key id:      ${key.id}`);
    console.log(`API key:     ${key.key}`);
    console.log('Keep this key safe: it is shown only now. Use it as "Authorization: Bearer <key>".');
  } finally {
    await db.ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
