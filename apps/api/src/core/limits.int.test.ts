import { buildSchema, parse } from 'graphql';
import { startDemoWorld, startTestApi, type DemoWorld } from '../test/harness';
import { MembershipEntity } from '../modules/accounts/account.entity';
import { MAX_ALIASES, MAX_COST, operationCost } from './limits';
import { getSchema } from './schema';

/* QUALITY.md 8 and 18: depth, aliases, cost, no batches, CSRF, masked errors, no introspection in production. */

let w: DemoWorld;
beforeAll(async () => {
  w = await startDemoWorld();
}, 60_000);
afterAll(() => w.close());

/** `__type(name: "Query") { fields { type { ofType { … { name } } } } }` with the given total depth. */
function nested(depth: number): string {
  const ofTypes = depth - 4;
  return `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } }`;
}

const codes = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

describe('depth', () => {
  it('answers a query of depth 10', async () => {
    const r = await w.gql(nested(10));
    expect(r.errors).toBeUndefined();
    expect(r.data).toBeTruthy();
  });

  it('refuses a query of depth 11 before running it', async () => {
    const r = await w.gql(nested(11));
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.message).toMatch(/too deep/i);
  });

  it('counts depth through fragments too', async () => {
    const r = await w.gql(`query { ...F } fragment F on Query ${nested(11).slice(1, -1).replace(/^ /, '{ ')} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.message).toMatch(/too deep/i);
  });
});

describe('aliases', () => {
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;

  it(`answers ${MAX_ALIASES} aliases`, async () => {
    const r = await w.gql(aliased(MAX_ALIASES));
    expect(r.errors).toBeUndefined();
  });

  it(`refuses ${MAX_ALIASES + 1} aliases, so that one request cannot multiply attempts`, async () => {
    const r = await w.gql(aliased(MAX_ALIASES + 1));
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.message).toMatch(/aliases/i);
  });
});

describe('cost', () => {
  const schema = buildSchema(`
    type Query { items(first: Int): [Item!]!  all: [Item!]! }
    type Item { id: ID!  children: [Item!]!  page(first: Int! = 20): ItemPage }
    type ItemPage { nodes: [Item!]!  nextCursor: String }
  `);
  const cost = (q: string, variables?: Record<string, unknown>) => operationCost(schema, parse(q), variables);

  it('counts a list by its `first`, or 100 without one; scalars cost nothing', () => {
    expect(cost('{ all { id } }')).toBe(1);
    expect(cost('{ all { children { id } } }')).toBe(1 + 100 * 1);
    expect(cost('{ items(first: 5) { children { id } } }')).toBe(1 + 5 * 1);
  });

  it('reads `first` from variables and from argument defaults', () => {
    expect(cost('query($n: Int) { items(first: $n) { children { id } } }', { n: 7 })).toBe(1 + 7);
    // page: 1 + 20 (its default `first`) × nodes (1); the page's nodes are not counted twice.
    expect(cost('{ items(first: 2) { page { nodes { id } } } }')).toBe(1 + 2 * (1 + 20 * 1));
  });

  it('refuses an operation whose nested lists cost more than the limit', async () => {
    // 100 accounts (a list without `first`) × 100 000 log entries: refused before any resolver runs.
    const q = '{ viewer { accounts { account { accessLog(first: 100000) { nodes { __typename } } } } } }';
    expect(operationCost(await getSchema(), parse(q), {})).toBeGreaterThan(MAX_COST);
    const r = await w.gql(q, {}, { token: w.tokens.sanne });
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.message).toMatch(/too costly/i);
    expect(MAX_COST).toBeLessThan(100 ** 4);
  });

  it("answers the start screen's kind of query", async () => {
    const r = await w.gql('{ viewer { user { firstName } accounts { own level account { id displayName avatarUrl myRights } } } }', {}, { token: w.tokens.sanne });
    expect(r.errors).toBeUndefined();
  });
});

describe('requests', () => {
  it('answers a JSON array body (a batch) with 400', async () => {
    const res = await fetch(w.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('__typename');
  });

  it('refuses a GET query without a CSRF-safe header (csrfPrevention)', async () => {
    const res = await fetch(`${w.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
  });

  it('answers are never stored by HTTP caches (cache-control: no-store), signed in or not', async () => {
    const token = await w.signIn('sanne@example.nl');
    for (const authorization of [undefined, `Bearer ${token}`]) {
      const res = await fetch(w.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: '{ viewer { user { id } } }' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers invalid JSON with 400', async () => {
    const res = await fetch(w.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
  });
});

describe('errors are masked', () => {
  it('an unexpected error gives INTERNAL_SERVER_ERROR with a correlation id, never SQL or a stack', async () => {
    const manager = w.db.manager;
    const original = manager.findBy.bind(manager);
    const spy = jest.spyOn(manager, 'findBy').mockImplementation((target, where) =>
      target === MembershipEntity
        ? Promise.reject(new Error("ER_PARSE_ERROR: You have an error in your SQL syntax near 'SELECT secret FROM memberships'"))
        : original(target, where));
    try {
      const r = await w.gql('{ viewer { accounts { level } } }', {}, { token: w.tokens.sanne });
      const body = JSON.stringify(r);
      expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(r.errors?.[0]?.extensions?.correlationId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
      expect(body).not.toMatch(/SELECT|memberships|ER_PARSE_ERROR|SQL/i);
      expect(body).not.toMatch(/stacktrace|\.ts:\d+|at .*\(/);
    } finally {
      spy.mockRestore();
    }
  });

  it('a known error keeps its code and message, without a stack', async () => {
    const r = await w.gql('{ account(id: "00000000-0000-4000-8000-000000000000") { id } }', {}, { token: w.tokens.sanne });
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(r)).not.toMatch(/stacktrace/);
  });

  it('does not echo a malformed query back with internals', async () => {
    const r = await w.gql('{ viewer { ');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r)).not.toMatch(/stacktrace|node_modules/);
  });
});

describe('introspection', () => {
  it('is on in development and test', async () => {
    const r = await w.gql('{ __schema { queryType { name } } }');
    expect(r.errors).toBeUndefined();
  });

  it('is off when KRING_ENV=production (the schema is published as schema.graphql instead)', async () => {
    const prod = await startTestApi({
      env: {
        KRING_ENV: 'production',
        RESEND_API_KEY: 're_test',
        TWILIO_ACCOUNT_SID: 'AC_test',
        TWILIO_AUTH_TOKEN: 'test',
        TWILIO_FROM: '+3197000000000',
      },
    });
    try {
      const r = await prod.gql('{ __schema { queryType { name } } }');
      expect(r.data ?? undefined).toBeUndefined();
      expect(r.errors?.[0]?.message).toMatch(/introspection/i);
      const typeQuery = await prod.gql('{ __type(name: "Account") { name } }');
      expect(typeQuery.data ?? undefined).toBeUndefined();
    } finally {
      await prod.close();
    }
  });
});
