import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { apiGraphql, clientInfo, type ClientInfo, type GqlResult } from './api-server';
import { secureCookies } from './server-env';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from './i18n';

export const ACCOUNT_COOKIE = 'kring-account';

/** The API token from the encrypted session cookie (server-side only). */
export async function apiTokenFromCookies(cookieStore?: Awaited<ReturnType<typeof cookies>>): Promise<string | null> {
  const store = cookieStore ?? (await cookies());
  // Only the cookie is read, never an Authorization header: the browser cannot hand us a token.
  const jwt = await getToken({ req: { cookies: store, headers: {} } as never, secureCookie: secureCookies() });
  return typeof jwt?.apiToken === 'string' ? jwt.apiToken : null;
}

export async function requestClient(): Promise<ClientInfo> {
  return clientInfo(await headers());
}

export type Right =
  | 'VIEW_CALENDAR'
  | 'EDIT_CALENDAR'
  | 'VIEW_MESSAGES'
  | 'VIEW_TRUST_GROUP_MESSAGES'
  | 'VIEW_NOTES'
  | 'EDIT_NOTES'
  | 'VIEW_DOSSIER'
  | 'MANAGE_CONNECTIONS'
  | 'MANAGE_ACCOUNT';
export type AccessLevel = 'MANAGER' | 'TRUST' | 'BASIC' | 'NONE';

export interface ShellAccount {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  status: 'ACTIVE' | 'CLOSED';
  timeZone: string;
  myLevel: AccessLevel;
  myRights: Right[];
  own: boolean;
}

export interface ShellViewer {
  user: { id: string; firstName: string; lastName: string; email: string; avatarUrl: string | null; locale: string };
  accounts: ShellAccount[];
}

const SHELL_QUERY = `query Shell {
  viewer {
    user { id firstName lastName email avatarUrl locale }
    accounts { own level account { id displayName avatarUrl status timeZone myLevel myRights } }
  }
}`;

interface ShellData {
  viewer: {
    user: ShellViewer['user'];
    accounts: { own: boolean; level: AccessLevel; account: Omit<ShellAccount, 'own'> }[];
  } | null;
}

export type ShellState = { kind: 'signed-out' } | { kind: 'expired' } | { kind: 'signed-in'; viewer: ShellViewer };

/** The viewer with their accounts and rights, asked once per render (React cache). */
export const loadShell = cache(async (): Promise<ShellState> => {
  const token = await apiTokenFromCookies();
  if (!token) return { kind: 'signed-out' };
  const result = await apiGraphql<ShellData>(SHELL_QUERY, {}, { token, client: await requestClient() });
  const viewer = result.data?.viewer;
  // A cookie whose API session has ended (sign-out elsewhere, password change, idle): sign in again.
  if (!viewer) return { kind: 'expired' };
  return {
    kind: 'signed-in',
    viewer: {
      user: viewer.user,
      accounts: viewer.accounts.map((a) => ({ ...a.account, own: a.own })),
    },
  };
});

/** Locale: the signed-in user's profile, else the kring-locale cookie, else Dutch. */
export async function currentLocale(): Promise<Locale> {
  const store = await cookies();
  if (await apiTokenFromCookies(store)) {
    try {
      const shell = await loadShell();
      if (shell.kind === 'signed-in' && isLocale(shell.viewer.user.locale)) return shell.viewer.user.locale;
    } catch {
      // API unreachable: fall back to the cookie.
    }
  }
  const cookie = store.get(LOCALE_COOKIE)?.value;
  return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
}

/** The account opened in this browser (cookie kring-account), if the viewer still has it; else their own. */
export function pickOpenAccount(accounts: ShellAccount[], wanted: string | undefined): ShellAccount | undefined {
  return accounts.find((a) => a.id === wanted) ?? accounts.find((a) => a.own) ?? accounts[0];
}

/**
 * For a page that fetches its first data while it renders on the server: the account opened in this
 * browser, if the viewer holds `right` there, and a way to ask the API as the viewer. Null otherwise
 * (signed out, no such right, no token): the page then lets the browser ask as usual.
 */
export async function openAccountOnServer(
  right: Right,
): Promise<{ open: ShellAccount; ask: <T>(query: string, variables: Record<string, unknown>) => Promise<GqlResult<T>> } | null> {
  const shell = await loadShell();
  if (shell.kind !== 'signed-in') return null;
  const open = pickOpenAccount(shell.viewer.accounts, (await cookies()).get(ACCOUNT_COOKIE)?.value);
  if (!open?.myRights.includes(right)) return null;
  const token = await apiTokenFromCookies();
  if (!token) return null;
  const client = await requestClient();
  return { open, ask: (query, variables) => apiGraphql(query, variables, { token, client }) };
}
