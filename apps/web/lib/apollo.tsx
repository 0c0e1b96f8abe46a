'use client';

import { useState, type ReactNode } from 'react';
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { ApolloProvider } from '@apollo/client/react';

/** Pages in the signed-in area send the user to /login when the API no longer knows their session. */
export function onSessionLost(): void {
  if (typeof window === 'undefined') return;
  if (window.location.pathname.startsWith('/login')) return;
  // A full page load on purpose: it drops every cached answer of the ended session.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign('/login?expired=1');
}

export function makeApolloClient(opts: { link?: ApolloLink; onUnauthenticated?: () => void } = {}): ApolloClient {
  const onUnauthenticated = opts.onUnauthenticated ?? onSessionLost;
  const errorLink = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      onUnauthenticated();
    }
  });
  const http = opts.link ?? new HttpLink({ uri: '/api/graphql', credentials: 'same-origin' });
  return new ApolloClient({
    link: ApolloLink.from([errorLink, http]),
    cache: new InMemoryCache({
      typePolicies: {
        // Messages and notes are paged by hand (fetchMore with updateQuery).
        Account: { fields: { messages: { keyArgs: false }, trustGroupMessages: { keyArgs: false }, notes: { keyArgs: false } } },
        // The viewer has no id and several queries ask parts of it (profile, sessions, security log): merge, never replace.
        Viewer: { merge: true },
      },
    }),
    ssrMode: typeof window === 'undefined',
  });
}

export function KringApolloProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => makeApolloClient());
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
