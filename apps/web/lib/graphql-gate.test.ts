import { gateGraphqlBody, sameOrigin } from './graphql-gate';

describe('the /api/graphql gate', () => {
  it('passes an ordinary query through, keeping only query, variables and operationName', () => {
    const r = gateGraphqlBody({ query: 'query A { viewer { user { id } } }', variables: { a: 1 }, operationName: 'A', extensions: { x: 1 } });
    expect(r).toEqual({ ok: true, body: { query: 'query A { viewer { user { id } } }', variables: { a: 1 }, operationName: 'A' } });
  });

  it.each([
    'mutation { signIn(email: "a", password: "b") { token } }',
    'mutation { x: signIn(email: "a", password: "b") { token } }',
    'mutation { activateAccount(input: {code: "c", birthDate: "2000-01-01"}) { token } }',
    'mutation A { signOut } mutation B { acceptInvitation(token: "t") { token } }',
  ])('refuses server-only operations: %s', (query) => {
    expect(gateGraphqlBody({ query })).toEqual({ ok: false, status: 403, code: 'FORBIDDEN' });
  });

  it.each([[[{ query: '{ viewer { user { id } } }' }]], [null], ['text'], [{ query: 5 }], [{ query: '{ viewer', variables: {} }]])(
    'refuses batches and malformed bodies: %j',
    (body) => {
      expect(gateGraphqlBody(body).ok).toBe(false);
    },
  );

  it('accepts only this site as Origin', () => {
    expect(sameOrigin('http://127.0.0.1:3000', 'http://127.0.0.1:3000', null, 'http')).toBe(true);
    expect(sameOrigin('https://evil.example', 'http://127.0.0.1:3000', null, 'http')).toBe(false);
    expect(sameOrigin(null, 'http://127.0.0.1:3000', null, 'http')).toBe(false);
    expect(sameOrigin('http://kring.local', '', 'kring.local', 'http')).toBe(true);
  });
});
