import {
  getNamedType,
  isNonNullType,
  isLeafType,
  Kind,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { ACCESS_LEVELS, RIGHTS, RIGHTS_BY_LEVEL, type Right } from '@kring/domain';
import { startDemoWorld, type DemoWorld } from '../test/harness';
import { tokensByLevel, type Who } from '../test/circle';
import { getSchema } from './schema';

/*
 * QUALITY.md 13: every field with a @requires directive on Account × every access level (and
 * no connection), generated from the built schema and compared with RIGHTS_BY_LEVEL.
 * A new guarded field with required arguments needs a line in SAMPLES below.
 */

type Sample = (w: DemoWorld, now: Date) => Promise<Record<string, unknown>> | Record<string, unknown>;
const DAY = 86_400_000;
const iso = (d: Date, days: number) => new Date(d.getTime() + days * DAY).toISOString();

/** Sample arguments per guarded Account field that has required arguments. */
const SAMPLES: Record<string, Sample> = {
  calendar: (_w, now) => ({ from: iso(now, -31), to: iso(now, 31) }),
  appointment: async (w, now) => ({ id: await anAppointmentId(w, now) }),
  messages: () => ({ first: 5 }),
  trustGroupMessages: () => ({ first: 5 }),
  notes: () => ({ first: 5 }),
  accessLog: () => ({ first: 5 }),
};

/**
 * Account fields that a NONE connection may read (it sees the name and picture and knows the
 * connection exists). Everything else on Account must carry @requires; a new field without one
 * lands here only after review.
 */
const VISIBLE_WITHOUT_RIGHTS = new Set([
  'id',
  'displayName',
  'avatarUrl',
  'status',
  'timeZone',
  'myLevel',
  'myRights',
  // The viewer's own choices, not the account's content.
  'notificationPreferences',
]);

async function anAppointmentId(w: DemoWorld, now: Date): Promise<string> {
  const r = await w.ok<{ account: { calendar: { appointment: { id: string } }[] } }>(
    'query($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { account(id: $id) { calendar(from: $from, to: $to) { appointment { id } } } }',
    { id: w.ids.sanneAccount, from: iso(now, -180), to: iso(now, 180) },
    { token: w.tokens.sanne },
  );
  const id = r.account.calendar[0]?.appointment.id;
  if (!id) throw new Error("the demo has no appointment on Sanne's calendar within a year: seed one (DEMO_STEPS)");
  return id;
}

function requiredRight(field: GraphQLField<unknown, unknown>): Right | null {
  const d = field.astNode?.directives?.find((x) => x.name.value === 'requires');
  const arg = d?.arguments?.find((a) => a.name.value === 'right');
  return arg?.value.kind === Kind.ENUM ? (arg.value.value as Right) : null;
}

const hasRequiredArgs = (f: GraphQLField<unknown, unknown>) => f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);

function queryFor(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): { query: string; variables: Record<string, unknown> } {
  const used = field.args.filter((a) => a.name in args);
  const defs = used.map((a) => `, $a_${a.name}: ${String(a.type)}`).join('');
  const call = used.length ? `(${used.map((a) => `${a.name}: $a_${a.name}`).join(', ')})` : '';
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const variables: Record<string, unknown> = {};
  for (const a of used) variables[`a_${a.name}`] = args[a.name];
  return { query: `query($id: ID!${defs}) { account(id: $id) { ${field.name}${call}${selection} } }`, variables };
}

let w: DemoWorld;
let schema: GraphQLSchema;
let tokens: Record<Who, string>;
let account: GraphQLObjectType;
let guarded: GraphQLField<unknown, unknown>[];

beforeAll(async () => {
  w = await startDemoWorld();
  schema = await getSchema();
  account = schema.getType('Account') as GraphQLObjectType;
  guarded = Object.values(account.getFields()).filter((f) => requiredRight(f) !== null);
  tokens = await tokensByLevel(w);
}, 60_000);
afterAll(() => w.close());

describe('rights matrix: Account fields × access levels', () => {
  it('every guarded Account field with required arguments has sample arguments', () => {
    const missing = guarded.filter((f) => hasRequiredArgs(f) && !(f.name in SAMPLES)).map((f) => f.name);
    expect(missing).toEqual([]);
  });

  it('the schema has guarded Account fields to test, and their rights are in the rights table', () => {
    expect(guarded.length).toBeGreaterThan(0);
    for (const f of guarded) expect(RIGHTS).toContain(requiredRight(f));
  });

  it('NONE gets nothing but the name and picture: every other Account field carries @requires', () => {
    const unguarded = Object.values(account.getFields())
      .filter((f) => requiredRight(f) === null && !VISIBLE_WITHOUT_RIGHTS.has(f.name))
      .map((f) => f.name);
    expect(unguarded).toEqual([]);
  });

  const WHO: Who[] = [...ACCESS_LEVELS, 'OUTSIDER'];

  it.each(WHO)('as %s, each guarded field answers exactly as RIGHTS_BY_LEVEL says', async (who) => {
    const now = w.clock.now();
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const field of guarded) {
      const right = requiredRight(field)!;
      const sample = SAMPLES[field.name];
      if (hasRequiredArgs(field) && !sample) continue; // reported by the sample test above
      const { query, variables } = queryFor(field, sample ? await sample(w, now) : {});
      const r = await w.gql(query, { id: w.ids.sanneAccount, ...variables }, { token: tokens[who] });
      const codes = (r.errors ?? [])
        .filter((e) => e.path?.[0] === 'account' && (e.path.length === 1 || e.path[1] === field.name))
        .map((e) => String(e.extensions?.code));
      const allowed = who !== 'OUTSIDER' && (RIGHTS_BY_LEVEL[who] as readonly Right[]).includes(right);
      const denied = codes.some((c) => c === 'FORBIDDEN' || c === 'NOT_FOUND');
      // A connected helper without the right is told FORBIDDEN; NONE and no connection may get NOT_FOUND.
      const deniedRightly =
        who === 'NONE' || who === 'OUTSIDER' ? denied : codes.includes('FORBIDDEN') && !codes.includes('NOT_FOUND');
      const value = (r.data?.account as Record<string, unknown> | null | undefined)?.[field.name];
      const outcome = allowed
        ? codes.length === 0
          ? 'allowed'
          : `refused ${codes.join(',')}`
        : deniedRightly && (value === null || value === undefined)
          ? 'denied'
          : codes.length === 0
            ? 'LEAKED'
            : `denied with ${codes.join(',')}`;
      outcomes.push(`${field.name} (${right}): ${outcome}`);
      expected.push(`${field.name} (${right}): ${allowed ? 'allowed' : 'denied'}`);
    }
    expect(outcomes).toEqual(expected);
  }, 60_000);
});
