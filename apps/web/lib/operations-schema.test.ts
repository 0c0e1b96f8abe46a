import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, validate, type DocumentNode } from 'graphql';

/**
 * Every GraphQL operation of the web app (features/<area>/operations.ts) must be valid against the
 * API's published schema.graphql: a renamed or retyped field fails here, not in a user's browser.
 */
const ROOT = path.resolve(__dirname, '..');
const schema = buildSchema(readFileSync(path.resolve(ROOT, '../../schema.graphql'), 'utf8'));

function operationFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return operationFiles(full);
    return name === 'operations.ts' ? [full] : [];
  });
}

const documents = operationFiles(path.join(ROOT, 'features')).flatMap((file) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as Record<string, unknown>;
  return Object.entries(mod)
    .filter((entry): entry is [string, DocumentNode] => (entry[1] as { kind?: string } | null)?.kind === 'Document')
    .map(([name, doc]) => [`${path.relative(ROOT, file)} ${name}`, doc] as const);
});

describe('web operations against schema.graphql', () => {
  it('finds the operations', () => {
    expect(documents.length).toBeGreaterThan(5);
  });

  it.each(documents)('%s is valid', (_name, doc) => {
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  });
});
