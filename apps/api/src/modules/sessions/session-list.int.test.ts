import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { DEMO_PASSWORD } from '../../seed/demo';

// The suite shares a loaded machine; argon2 and image work take their time.
jest.setTimeout(60_000);

const MIN = 60_000;
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token expiresAt } }';
const withUa = (ua: string) => ({ headers: { 'x-kring-proxy-secret': 'test-proxy-secret-123456', 'x-kring-client-ip': '10.1.0.1', 'x-kring-client-ua': ua } });
const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code ?? null;
const viewerOf = async (w: DemoWorld, token: string) => (await w.ok('{ viewer { user { email } } }', {}, { token })).viewer;

describe('sessions: list, end, lifetime (QUALITY.md 11, 12)', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());

  async function signIn(ua: string): Promise<string> {
    const r = await w.gql(SIGN_IN, { e: 'jeroen@example.nl', p: DEMO_PASSWORD }, withUa(ua));
    return (r.data as { signIn: { token: string } }).signIn.token;
  }

  it('lists the viewer\'s own live sessions, this one marked current, with their devices', async () => {
    w.clock.advance(13 * 3600_000);
    await signIn('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1');
    w.clock.advance(MIN);
    const laptop = await signIn('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/131.0');
    const data = await w.ok('{ viewer { sessions { id current device createdAt lastSeenAt } } }', {}, { token: laptop });
    expect(data.viewer.sessions.map((s: { current: boolean; device: string }) => [s.current, s.device])).toEqual([
      [true, 'Firefox on Windows'],
      [false, 'Safari on iOS'],
    ]);
    // Nobody else's sessions appear.
    const sanne = await w.signIn('sanne@example.nl');
    const hers = await w.ok('{ viewer { sessions { id } } }', {}, { token: sanne });
    expect(hers.viewer.sessions.map((s: { id: string }) => s.id)).not.toEqual(expect.arrayContaining(data.viewer.sessions.map((s: { id: string }) => s.id)));
  });

  it('ends one own session at once; another user\'s session id answers NOT_FOUND and stays alive', async () => {
    w.clock.advance(13 * 3600_000);
    const a = await signIn('Firefox/131.0 Linux');
    const b = await signIn('Chrome/129.0 Android');
    const sanne = await w.signIn('sanne@example.nl');
    const bId = (await w.ok('{ viewer { sessions { id current } } }', {}, { token: b })).viewer.sessions.find((s: { current: boolean }) => s.current).id;
    const sanneId = (await w.ok('{ viewer { sessions { id current } } }', {}, { token: sanne })).viewer.sessions.find((s: { current: boolean }) => s.current).id;

    const foreign = await w.gql('mutation($id: ID!) { endSession(sessionId: $id) }', { id: sanneId }, { token: a });
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(await viewerOf(w, sanne)).not.toBeNull();
    expect(codeOf(await w.gql('mutation($id: ID!) { endSession(sessionId: $id) }', { id: '00000000-0000-0000-0000-000000000000' }, { token: a }))).toBe('NOT_FOUND');

    expect((await w.ok('mutation($id: ID!) { endSession(sessionId: $id) }', { id: bId }, { token: a })).endSession).toBe(true);
    expect(await viewerOf(w, b)).toBeNull();
    expect(await viewerOf(w, a)).not.toBeNull();
    // Ending it again: it no longer exists.
    expect(codeOf(await w.gql('mutation($id: ID!) { endSession(sessionId: $id) }', { id: bId }, { token: a }))).toBe('NOT_FOUND');
  });

  it('signs out everywhere else, counting the ended sessions, and logs it', async () => {
    w.clock.advance(13 * 3600_000);
    const others = [await signIn('Firefox/1 Linux'), await signIn('Firefox/1 Linux'), await signIn('Firefox/1 Linux')];
    const here = await signIn('Chrome/1 Windows');
    const sanne = await w.signIn('sanne@example.nl');
    w.clock.advance(1000);
    expect((await w.ok('mutation { signOutElsewhere }', {}, { token: here })).signOutElsewhere).toBe(3);
    for (const t of others) expect(await viewerOf(w, t)).toBeNull();
    expect(await viewerOf(w, here)).not.toBeNull();
    expect(await viewerOf(w, sanne)).not.toBeNull();
    expect((await w.ok('mutation { signOutElsewhere }', {}, { token: here })).signOutElsewhere).toBe(0);
    const log = await w.ok('{ viewer { securityLog(first: 1) { nodes { action } } } }', {}, { token: here });
    expect(log.viewer.securityLog.nodes[0].action).toBe('SESSIONS_ENDED');
  });

  it('needs a session for all of it', async () => {
    expect(codeOf(await w.gql('mutation { signOutElsewhere }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await w.gql('mutation { endSession(sessionId: "x") }'))).toBe('UNAUTHENTICATED');
  });

  it('ends a session after 30 minutes idle', async () => {
    w.clock.advance(13 * 3600_000);
    const token = await signIn('Firefox/1 Linux');
    w.clock.advance(29 * MIN);
    expect(await viewerOf(w, token)).not.toBeNull();
    w.clock.advance(29 * MIN);
    expect(await viewerOf(w, token)).not.toBeNull();
    w.clock.advance(30 * MIN);
    expect(await viewerOf(w, token)).toBeNull();
    // Once idled out it stays out, and leaves the list.
    const other = await signIn('Chrome/1 Linux');
    expect((await w.ok('{ viewer { sessions { id } } }', {}, { token: other })).viewer.sessions).toHaveLength(1);
  });

  it('ends a session after 12 hours, however active', async () => {
    w.clock.advance(13 * 3600_000);
    const r = await w.gql(SIGN_IN, { e: 'jeroen@example.nl', p: DEMO_PASSWORD }, withUa('Firefox/1 Linux'));
    const { token, expiresAt } = (r.data as { signIn: { token: string; expiresAt: string } }).signIn;
    expect(new Date(expiresAt).getTime()).toBe(w.clock.now().getTime() + 30 * MIN);
    for (let i = 0; i < 47; i++) {
      w.clock.advance(15 * MIN);
      expect(await viewerOf(w, token)).not.toBeNull();
    }
    w.clock.advance(15 * MIN);
    expect(await viewerOf(w, token)).toBeNull();
  });
});
