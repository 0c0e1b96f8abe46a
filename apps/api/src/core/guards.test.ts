import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import '../modules/register';
import { getSchema } from './schema';
import { guardedOperations, guardProblem } from './guard-metadata';

/*
 * Fail closed (CONVENTIONS.md, "Authorization"): every query, mutation and field resolver
 * carries exactly one guard, and the committed snapshot lists every guard with its roles,
 * so a change to a permission shows up in review.
 * Regenerate after a reviewed change:  UPDATE_GUARDS_SNAPSHOT=1 npx jest --selectProjects api --testPathPatterns core/guards.test
 */
const SNAPSHOT = path.join(__dirname, 'guards.snapshot.json');

beforeAll(async () => {
  await getSchema();
});

describe('guards: fail closed', () => {
  it('every query, mutation and field resolver has exactly one guard', () => {
    const problems = guardedOperations()
      .map((op) => ({ op: op.coordinate, problem: guardProblem(op.guards) }))
      .filter((p) => p.problem !== null)
      .map((p) => `${p.op}: ${p.problem}`);
    expect(problems).toEqual([]);
  });

  it('finds the resolvers it walks (the walk itself works)', () => {
    const coordinates = guardedOperations().map((o) => o.coordinate);
    expect(coordinates).toEqual(expect.arrayContaining(['Query.viewer', 'Query.account', 'Mutation.signIn', 'Account.myRights']));
  });

  it('every root field of the built schema is a guarded resolver', async () => {
    const schema = await getSchema();
    const walked = new Set(guardedOperations().map((o) => o.coordinate));
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) =>
      t ? Object.keys(t.getFields()).map((f) => `${t.name}.${f}`) : [],
    );
    expect(roots.filter((r) => !walked.has(r))).toEqual([]);
  });

  it('a guard is recognised only in the shapes core/guards.ts makes', () => {
    expect(guardProblem([])).toMatch(/no guard/);
    expect(guardProblem([['PUBLIC'], ['SIGNED_IN']])).toMatch(/exactly one/);
    expect(guardProblem([[]])).toMatch(/bare/);
    expect(guardProblem([['ADMIN']])).toMatch(/not one guard/);
    expect(guardProblem([['RIGHT:VIEW_DOSSIER', 'STEP_UP:900']])).toBeNull();
    expect(guardProblem([['SIGNED_IN', 'ENTITY:EDIT_NOTES']])).toBeNull();
    expect(guardProblem([['RIGHT:MANAGE_CONNECTIONS', 'ACCOUNT_OF:nosuchentity', 'STEP_UP:900']])).toMatch(/no account lookup/);
    expect(guardProblem([['STEP_UP:900', 'RIGHT:VIEW_DOSSIER']])).toMatch(/not one guard/);
  });
});

describe('guards: committed snapshot of every permission', () => {
  it('matches guards.snapshot.json', () => {
    const current: Record<string, string[]> = {};
    for (const op of guardedOperations()) current[op.coordinate] = op.guards.flat();
    // Written on request, or the first time on a developer's machine; never silently in CI.
    if (process.env.UPDATE_GUARDS_SNAPSHOT === '1' || (!existsSync(SNAPSHOT) && !process.env.CI)) {
      writeFileSync(SNAPSHOT, JSON.stringify(current, null, 2) + '\n');
    }
    const committed = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, string[]>;
    const changes: string[] = [];
    for (const key of new Set([...Object.keys(committed), ...Object.keys(current)])) {
      const was = JSON.stringify(committed[key] ?? null);
      const now = JSON.stringify(current[key] ?? null);
      if (was !== now) changes.push(`${key}: ${was} -> ${now}`);
    }
    // A permission change is reviewed: regenerate with UPDATE_GUARDS_SNAPSHOT=1 and commit the JSON.
    expect(changes).toEqual([]);
  });
});
