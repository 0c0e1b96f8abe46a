import type { User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getToken } from 'next-auth/jwt';
import { apiGraphql, clientInfo, firstErrorCode, type ClientInfo, type GqlError } from '@/lib/api-server';
import { failureOf, type OnboardingFailure } from './failures';
import { secureCookies } from '@/lib/server-env';

/**
 * next-auth credentials providers for the two other ways into Kring: a letter code (`activation`)
 * and an e-mailed invitation (`invitation`). Both call their mutation here, server-side, and keep
 * the returned session token inside next-auth's encrypted cookie; the browser never sees it, and
 * the /api/graphql route refuses activateAccount and acceptInvitation.
 *
 * The words thrown (an Error's message reaches the page as `error`) are the API's reason or code,
 * which the pages translate: never a message text, never which of code or birth date was wrong.
 */

const SESSION_FIELDS = 'token expiresAt user { id firstName lastName email locale }';

const SIGN_IN = `mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { ${SESSION_FIELDS} } }`;
const ACTIVATE = `mutation ActivateAccount($input: ActivateAccountInput!) { activateAccount(input: $input) { ${SESSION_FIELDS} } }`;
const ACCEPT = `mutation AcceptInvitation($token: String!, $newUser: RegisterInput) { acceptInvitation(token: $token, newUser: $newUser) { ${SESSION_FIELDS} } }`;

interface ApiSession {
  token: string;
  expiresAt: string;
  user: { id: string; firstName: string; lastName: string; email: string; locale: string };
}

type Headers = Record<string, string | string[] | undefined>;

function fail(word: OnboardingFailure): never {
  throw new Error(word);
}

function parseCookies(header: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of raw.split(';')) {
    const i = part.indexOf('=');
    if (i < 1) continue;
    const name = part.slice(0, i).trim();
    try {
      out[name] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      out[name] = part.slice(i + 1).trim();
    }
  }
  return out;
}

/** The API token of the browser's current next-auth cookie, if any (read from the request, server-side). */
export async function currentApiToken(headers: Headers): Promise<string | null> {
  const jwt = await getToken({ req: { cookies: parseCookies(headers.cookie), headers: {} } as never, secureCookie: secureCookies() });
  return typeof jwt?.apiToken === 'string' ? jwt.apiToken : null;
}

async function call<T>(query: string, variables: Record<string, unknown>, token: string | null, client: ClientInfo) {
  try {
    return await apiGraphql<T>(query, variables, { token, client });
  } catch {
    return fail('UNAVAILABLE');
  }
}

async function endApiSession(token: string): Promise<void> {
  try {
    await apiGraphql('mutation SignOut { signOut }', {}, { token });
  } catch {
    // it expires on its own
  }
}

/** Signs in with e-mail and password for a following step; the session is ended again if that step fails. */
async function signInFor(email: string, password: string, client: ClientInfo): Promise<string> {
  if (!email || !password) fail('WRONG_CREDENTIALS');
  const result = await call<{ signIn: ApiSession }>(SIGN_IN, { email, password }, null, client);
  const token = result.data?.signIn.token;
  if (!token) {
    const { code } = firstErrorCode(result.errors);
    fail(code === 'RATE_LIMITED' ? 'RATE_LIMITED' : code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT' ? 'WRONG_CREDENTIALS' : 'UNAVAILABLE');
  }
  return token;
}

function toUser(session: ApiSession): User {
  const { user } = session;
  return { id: user.id, name: `${user.firstName} ${user.lastName}`.trim(), email: user.email, locale: user.locale, apiToken: session.token };
}

/** How the page asks: 'new' makes a login, 'signin' uses e-mail + password, 'current' the signed-in session. */
export type OnboardingMode = 'new' | 'signin' | 'current';

interface Person {
  mode: OnboardingMode;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
}

function person(c: Record<string, string> | undefined): Person {
  const mode = c?.mode === 'new' || c?.mode === 'signin' ? c.mode : 'current';
  return {
    mode,
    firstName: c?.firstName?.trim() ?? '',
    lastName: c?.lastName?.trim() ?? '',
    email: c?.email?.trim() ?? '',
    password: c?.password ?? '',
  };
}

/**
 * Runs `step` with the right token: none with a new login, a fresh one after signing in, or the
 * current cookie's. A session made only for the step is ended again when the step fails; the
 * previous cookie's session is ended when a new one replaces it, so no orphan stays behind.
 */
async function withSession(
  p: Person,
  headers: Headers,
  client: ClientInfo,
  step: (token: string | null) => Promise<{ data?: ApiSession | null; errors?: GqlError[] }>,
): Promise<User> {
  const current = await currentApiToken(headers);
  let token: string | null = null;
  let madeHere = false;
  if (p.mode === 'signin') {
    token = await signInFor(p.email, p.password, client);
    madeHere = true;
  } else if (p.mode === 'current') {
    token = current;
    if (!token) fail('WRONG_CREDENTIALS');
  }
  const result = await step(token);
  if (!result.data) {
    if (madeHere && token) await endApiSession(token);
    fail(failureOf(result.errors));
  }
  // The new session replaces the cookie's; the old one (and a sign-in made only for this step) ends.
  for (const old of new Set([current, madeHere ? token : null])) {
    if (old && old !== result.data.token) await endApiSession(old);
  }
  return toUser(result.data);
}

export const activationProvider = CredentialsProvider({
  id: 'activation',
  name: 'Kring activation',
  credentials: {
    code: { type: 'text' },
    birthDate: { type: 'text' },
    forSelf: { type: 'text' },
    mode: { type: 'text' },
    firstName: { type: 'text' },
    lastName: { type: 'text' },
    email: { type: 'email' },
    password: { type: 'password' },
  },
  async authorize(credentials, req) {
    const p = person(credentials);
    const code = credentials?.code?.trim() ?? '';
    const birthDate = credentials?.birthDate?.trim() ?? '';
    if (!code || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) fail('CODE_OR_BIRTH_DATE_WRONG');
    const client = clientInfo(req.headers ?? {});
    const input = {
      code,
      birthDate,
      forSelf: credentials?.forSelf !== 'false',
      ...(p.mode === 'new' ? { newUser: { firstName: p.firstName, lastName: p.lastName, email: p.email, password: p.password } } : {}),
    };
    return withSession(p, req.headers ?? {}, client, async (token) => {
      const r = await call<{ activateAccount: ApiSession }>(ACTIVATE, { input }, token, client);
      return { data: r.data?.activateAccount, errors: r.errors };
    });
  },
});

export const invitationProvider = CredentialsProvider({
  id: 'invitation',
  name: 'Kring invitation',
  credentials: {
    token: { type: 'text' },
    mode: { type: 'text' },
    firstName: { type: 'text' },
    lastName: { type: 'text' },
    email: { type: 'email' },
    password: { type: 'password' },
  },
  async authorize(credentials, req) {
    const p = person(credentials);
    const invitation = credentials?.token ?? '';
    if (!invitation) fail('INVITATION_INVALID');
    const client = clientInfo(req.headers ?? {});
    const newUser = p.mode === 'new' ? { firstName: p.firstName, lastName: p.lastName, email: p.email, password: p.password } : null;
    return withSession(p, req.headers ?? {}, client, async (token) => {
      const r = await call<{ acceptInvitation: ApiSession }>(ACCEPT, { token: invitation, newUser }, token, client);
      return { data: r.data?.acceptInvitation, errors: r.errors };
    });
  },
});

/** Added to authOptions.providers beside the e-mail + password sign-in. */
export const ONBOARDING_PROVIDERS = [activationProvider, invitationProvider];
