import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { Observable } from 'rxjs';
import { I18nProvider } from '@/lib/i18n/client';
import type { Locale } from '@/lib/i18n';
import type { Right, ShellAccount } from '@/lib/session';
import { AccountProvider } from '@/features/shell/account-context';

export interface GqlReply {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}
export type Handler = (variables: Record<string, unknown>) => GqlReply;

/** A fake API: answers each operation by name, and records what was asked. */
export function fakeApi(handlers: Record<string, Handler>) {
  const calls: { operationName: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const name = operation.operationName ?? '';
        calls.push({ operationName: name, variables: operation.variables });
        const handler = handlers[name];
        const reply = handler ? handler(operation.variables) : { errors: [{ message: `no handler for ${name}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
        setTimeout(() => {
          observer.next(reply as never);
          observer.complete();
        }, 0);
      }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache({ typePolicies: { Viewer: { merge: true } } }) });
  return { client, calls };
}

export const RIGHTS: Record<'MANAGER' | 'TRUST' | 'BASIC' | 'NONE', Right[]> = {
  // Fixtures only, standing in for what the API's myRights answers.
  MANAGER: ['VIEW_CALENDAR', 'EDIT_CALENDAR', 'VIEW_MESSAGES', 'VIEW_TRUST_GROUP_MESSAGES', 'VIEW_NOTES', 'EDIT_NOTES', 'VIEW_DOSSIER', 'MANAGE_CONNECTIONS', 'MANAGE_ACCOUNT'],
  TRUST: ['VIEW_CALENDAR', 'EDIT_CALENDAR', 'VIEW_MESSAGES', 'VIEW_TRUST_GROUP_MESSAGES', 'VIEW_NOTES', 'EDIT_NOTES', 'VIEW_DOSSIER'],
  BASIC: ['VIEW_CALENDAR', 'EDIT_CALENDAR', 'VIEW_MESSAGES', 'VIEW_NOTES', 'EDIT_NOTES'],
  NONE: [],
};

export function account(level: keyof typeof RIGHTS, extra: Partial<ShellAccount> = {}): ShellAccount {
  return {
    id: 'acc-sanne',
    displayName: 'Sanne de Vries',
    avatarUrl: null,
    status: 'ACTIVE',
    timeZone: 'Europe/Amsterdam',
    myLevel: level,
    myRights: RIGHTS[level],
    own: level === 'MANAGER',
    ...extra,
  };
}

export function renderWith(
  ui: ReactElement,
  opts: { handlers?: Record<string, Handler>; account?: ShellAccount; accounts?: ShellAccount[]; viewerId?: string; locale?: Locale } = {},
) {
  const api = fakeApi(opts.handlers ?? {});
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider locale={opts.locale ?? 'nl'}>
      <ApolloProvider client={api.client}>
        <AccountProvider value={{ account: opts.account ?? account('MANAGER'), viewerId: opts.viewerId ?? 'user-sanne', accounts: opts.accounts }}>{children}</AccountProvider>
      </ApolloProvider>
    </I18nProvider>
  );
  return { ...render(ui, { wrapper }), api };
}
