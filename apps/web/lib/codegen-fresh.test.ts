/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen';

const ROOT = path.resolve(__dirname, '..');

describe('generated operation types', () => {
  it('are fresh: run `npm run codegen -w @kring/web` after changing schema.graphql or an operation', async () => {
    const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs).toHaveLength(1);
    const [output] = outputs;
    expect(output?.content).toBe(readFileSync(path.join(ROOT, 'lib/gql/graphql.ts'), 'utf8'));
  }, 60_000);
});
