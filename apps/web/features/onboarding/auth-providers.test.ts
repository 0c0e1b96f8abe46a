/** @jest-environment node */
import type { GqlResult } from '@/lib/api-server';

const getToken = jest.fn();
jest.mock('next-auth/jwt', () => ({ getToken: (...args: unknown[]) => getToken(...args) as unknown }));
const apiGraphql = jest.fn();
jest.mock('@/lib/api-server', () => ({
  ...jest.requireActual<object>('@/lib/api-server'),
  apiGraphql: (...args: unknown[]) => apiGraphql(...args) as unknown,
}));

import { activationProvider, invitationProvider } from './auth-providers';

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorizeOf = (p: { options?: unknown; authorize?: unknown }) =>
  ((p.options as { authorize?: Authorize } | undefined)?.authorize ?? (p.authorize as Authorize));

const session = (token: string) => ({
  status: 200,
  data: { x: { token, expiresAt: '2026-12-04T20:00:00.000Z', user: { id: 'u1', firstName: 'Lotte', lastName: 'Jansen', email: 'lotte@example.nl', locale: 'nl' } } },
});
/** Answers by the operation's name in the query text. */
function api(answers: Record<string, (vars: Record<string, unknown>, opts: { token?: string | null }) => GqlResult<unknown>>) {
  apiGraphql.mockImplementation((query: string, vars: Record<string, unknown>, opts: { token?: string | null }) => {
    const name = /(?:mutation|query) (\w+)/.exec(query)?.[1] ?? '';
    const answer = answers[name];
    if (!answer) throw new Error(`unexpected ${name}`);
    const r = answer(vars, opts);
    // The real API nests the session under the mutation's own field name.
    const field = { SignIn: 'signIn', ActivateAccount: 'activateAccount', AcceptInvitation: 'acceptInvitation', SignOut: 'signOut' }[name] ?? name;
    return Promise.resolve(r.data && typeof r.data === 'object' && 'x' in r.data ? { ...r, data: { [field]: (r.data as { x: unknown }).x } } : r);
  });
}
const req = { headers: { cookie: 'next-auth.session-token=abc', 'user-agent': 'jest' } };

describe('onboarding credentials providers (server-side only)', () => {
  beforeEach(() => {
    getToken.mockReset();
    apiGraphql.mockReset();
  });

  it('activation with a new login keeps the token for the cookie and ends the previous cookie session', async () => {
    getToken.mockResolvedValue({ apiToken: 'old-token' });
    const calls: string[] = [];
    api({
      ActivateAccount: (vars, opts) => {
        calls.push(`activate:${opts.token ?? 'none'}`);
        expect(vars.input).toMatchObject({ code: 'ABC', birthDate: '1990-05-17', forSelf: false, newUser: { email: 'lotte@example.nl' } });
        return session('new-token');
      },
      SignOut: (_v, opts) => {
        calls.push(`signOut:${opts.token ?? ''}`);
        return { status: 200, data: { signOut: true } };
      },
    });
    const user = await authorizeOf(activationProvider)(
      { code: 'ABC', birthDate: '1990-05-17', forSelf: 'false', mode: 'new', firstName: 'Lotte', lastName: 'Jansen', email: 'lotte@example.nl', password: 'lang genoeg' },
      req,
    );
    expect(user).toMatchObject({ id: 'u1', apiToken: 'new-token', email: 'lotte@example.nl' });
    expect(calls).toEqual(['activate:none', 'signOut:old-token']);
  });

  it('"ik heb al een login": signs in first, and ends that session again when the activation fails', async () => {
    getToken.mockResolvedValue(null);
    const calls: string[] = [];
    api({
      SignIn: () => {
        calls.push('signIn');
        return session('temp-token');
      },
      ActivateAccount: (_v, opts) => {
        calls.push(`activate:${opts.token ?? ''}`);
        return { status: 200, data: null, errors: [{ message: 'De code klopt niet', extensions: { code: 'BAD_USER_INPUT', reason: 'CODE_OR_BIRTH_DATE_WRONG' } }] };
      },
      SignOut: (_v, opts) => {
        calls.push(`signOut:${opts.token ?? ''}`);
        return { status: 200, data: { signOut: true } };
      },
    });
    await expect(
      authorizeOf(activationProvider)({ code: 'ABC', birthDate: '1990-05-17', mode: 'signin', email: 'lotte@example.nl', password: 'geheim' }, req),
    ).rejects.toThrow(/^CODE_OR_BIRTH_DATE_WRONG$/);
    expect(calls).toEqual(['signIn', 'activate:temp-token', 'signOut:temp-token']);
  });

  it('activation refuses a malformed birth date without asking the API', async () => {
    await expect(authorizeOf(activationProvider)({ code: 'ABC', birthDate: '17-05-1990', mode: 'current' }, req)).rejects.toThrow('CODE_OR_BIRTH_DATE_WRONG');
    expect(apiGraphql).not.toHaveBeenCalled();
  });

  it('an invitation accepted with the current login uses the cookie token', async () => {
    getToken.mockResolvedValue({ apiToken: 'cookie-token' });
    const seen: (string | null | undefined)[] = [];
    api({
      AcceptInvitation: (vars, opts) => {
        seen.push(opts.token);
        expect(vars).toEqual({ token: 'inv-tok', newUser: null });
        return session('accepted-token');
      },
      SignOut: () => ({ status: 200, data: { signOut: true } }),
    });
    const user = await authorizeOf(invitationProvider)({ token: 'inv-tok', mode: 'current' }, req);
    expect(seen).toEqual(['cookie-token']);
    expect(user).toMatchObject({ apiToken: 'accepted-token' });
  });

  it('passes the API reason on as one word (LOGIN_EXISTS), never the message', async () => {
    getToken.mockResolvedValue(null);
    api({ AcceptInvitation: () => ({ status: 200, data: null, errors: [{ message: 'Er is al een login met lotte@example.nl', extensions: { code: 'BAD_USER_INPUT', reason: 'LOGIN_EXISTS' } }] }) });
    await expect(
      authorizeOf(invitationProvider)({ token: 'inv-tok', mode: 'new', firstName: 'L', lastName: 'J', email: 'lotte@example.nl', password: 'lang genoeg' }, req),
    ).rejects.toThrow(/^LOGIN_EXISTS$/);
  });
});
