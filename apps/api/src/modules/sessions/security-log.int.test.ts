import { startDemoWorld, type DemoWorld } from '../../test/harness';

// The suite shares a loaded machine; argon2 and image work take their time.
jest.setTimeout(60_000);

const LOG = 'query($first: Int!, $after: String) { viewer { securityLog(first: $first, after: $after) { nodes { id at action device } nextCursor } } }';
const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code ?? null;

describe("the user's own security log (QUALITY.md 20)", () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());

  it('pages through the own events, newest first', async () => {
    let token = '';
    for (let i = 0; i < 5; i++) {
      w.clock.advance(60_000);
      token = await w.signIn('jeroen@example.nl');
    }
    w.clock.advance(60_000);
    await w.ok('mutation { signOutElsewhere }', {}, { token });
    const first = await w.ok(LOG, { first: 4 }, { token });
    const page1 = first.viewer.securityLog;
    expect(page1.nodes.map((n: { action: string }) => n.action)).toEqual(['SESSIONS_ENDED', 'SIGNED_IN', 'SIGNED_IN', 'SIGNED_IN']);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await w.ok(LOG, { first: 4, after: page1.nextCursor }, { token })).viewer.securityLog;
    // 5 sign-ins here and 1 by the test harness at start.
    expect(page2.nodes.map((n: { action: string }) => n.action)).toEqual(['SIGNED_IN', 'SIGNED_IN', 'SIGNED_IN']);
    expect(page2.nextCursor).toBeNull();
    const times = [...page1.nodes, ...page2.nodes].map((n: { at: string }) => new Date(n.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('shows nobody else\'s events: not the people one helps, nor those who help', async () => {
    const sanneLog = (await w.ok(LOG, { first: 100 }, { token: w.tokens.sanne })).viewer.securityLog.nodes;
    const jeroenLog = (await w.ok(LOG, { first: 100 }, { token: await w.signIn('jeroen@example.nl') })).viewer.securityLog.nodes;
    const sanneIds = new Set(sanneLog.map((n: { id: string }) => n.id));
    expect(sanneLog).toHaveLength(1);
    expect(jeroenLog.some((n: { id: string }) => sanneIds.has(n.id))).toBe(false);
  });

  it('refuses a page size outside 1–100 and a broken cursor, and needs a session', async () => {
    expect(codeOf(await w.gql(LOG, { first: 0 }, { token: w.tokens.sanne }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await w.gql(LOG, { first: 101 }, { token: w.tokens.sanne }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await w.gql(LOG, { first: 5, after: 'rommel' }, { token: w.tokens.sanne }))).toBe('BAD_USER_INPUT');
    const anon = await w.gql(LOG, { first: 5 });
    expect(anon.data?.viewer ?? null).toBeNull();
  });
});
