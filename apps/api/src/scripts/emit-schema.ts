import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printSchemaFile } from '../core/schema';
import '../modules/register';

/** Writes schema.graphql at the repository root (checked in; CI fails when it is stale). */
async function main(): Promise<void> {
  const target = path.resolve(__dirname, '../../../../schema.graphql');
  fs.writeFileSync(target, await printSchemaFile());
  console.log(`schema written to ${path.relative(process.cwd(), target)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
