import { startDemoWorld, type DemoWorld } from '../../test/harness';

describe('signing in and out', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());

  it('gives a session for the right password and the viewer with it', async () => {
    const data = await w.ok('{ viewer { user { email firstName } accounts { own level account { displayName myLevel } } } }', {}, { token: w.tokens.jeroen });
    expect(data.viewer.user).toEqual({ email: 'jeroen@example.nl', firstName: 'Jeroen' });
    expect(data.viewer.accounts).toEqual([
      { own: true, level: 'MANAGER', account: { displayName: 'Jeroen de Vries', myLevel: 'MANAGER' } },
      { own: false, level: 'TRUST', account: { displayName: 'Sanne de Vries', myLevel: 'TRUST' } },
    ]);
  });

  it('answers a wrong password and an unknown address alike', async () => {
    const wrong = await w.gql('mutation { signIn(email: "sanne@example.nl", password: "verkeerd-wachtwoord") { token } }');
    const unknown = await w.gql('mutation { signIn(email: "niemand@example.nl", password: "verkeerd-wachtwoord") { token } }');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]).toEqual(wrong.errors?.[0]);
  });

  it('gives nothing after sign-out', async () => {
    const token = await w.signIn('fatima@example.nl');
    await w.ok('mutation { signOut }', {}, { token });
    const data = await w.ok('{ viewer { user { id } } }', {}, { token });
    expect(data.viewer).toBeNull();
  });

  it('refuses an account the viewer has no connection to as NOT_FOUND', async () => {
    const r = await w.gql('query($id: ID!) { account(id: $id) { displayName } }', { id: w.ids.sanneAccount }, { token: await w.signIn('pieter@example.nl') });
    expect(r.errors).toBeUndefined();
    const other = await w.gql('query($id: ID!) { account(id: $id) { displayName } }', { id: '00000000-0000-0000-0000-000000000000' }, { token: w.tokens.pieter });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
