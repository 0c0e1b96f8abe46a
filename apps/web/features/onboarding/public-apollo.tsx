'use client';

import { useState, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { makeApolloClient } from '@/lib/apollo';

/** Apollo for pages that work signed out: an UNAUTHENTICATED answer is shown on the page, not a redirect. */
export function PublicApollo({ children }: { children: ReactNode }) {
  const [client] = useState(() => makeApolloClient({ onUnauthenticated: () => undefined }));
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
