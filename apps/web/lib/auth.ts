import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { apiGraphql, clientInfo, firstErrorCode } from './api-server';
import { secureCookies } from './server-env';
import { ONBOARDING_PROVIDERS } from '@/features/onboarding/auth-providers';

declare module 'next-auth' {
  interface User {
    apiToken?: string;
    locale?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The opaque API session token. Lives only inside the encrypted cookie, never in `session`. */
    apiToken?: string;
    locale?: string;
  }
}

const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token expiresAt user { id firstName lastName email locale } }
}`;

interface SignInData {
  signIn: {
    token: string;
    expiresAt: string;
    user: { id: string; firstName: string; lastName: string; email: string; locale: string };
  };
}

/** Error words the login form translates; the message of an Error thrown in authorize reaches the client. */
export type SignInFailure = 'WRONG_CREDENTIALS' | 'RATE_LIMITED' | 'UNAVAILABLE';

// The API ends idle sessions after 30 minutes and all after 12 hours; the cookie never outlives that.
const MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // __Secure-/__Host- cookie names and the Secure flag whenever the site is https.
  useSecureCookies: secureCookies(),
  session: { strategy: 'jwt', maxAge: MAX_AGE_SECONDS },
  jwt: { maxAge: MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Kring',
      credentials: {
        email: { label: 'E-mail', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        const email = credentials?.email?.trim() ?? '';
        const password = credentials?.password ?? '';
        if (!email || !password) throw new Error('WRONG_CREDENTIALS' satisfies SignInFailure);
        let result;
        try {
          // signIn runs only here, server-side; the browser's /api/graphql route refuses it.
          result = await apiGraphql<SignInData>(SIGN_IN, { email, password }, { client: clientInfo(req.headers ?? {}) });
        } catch {
          throw new Error('UNAVAILABLE' satisfies SignInFailure);
        }
        const session = result.data?.signIn;
        if (!session) {
          const { code } = firstErrorCode(result.errors);
          if (code === 'RATE_LIMITED') throw new Error('RATE_LIMITED' satisfies SignInFailure);
          if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') throw new Error('WRONG_CREDENTIALS' satisfies SignInFailure);
          throw new Error('UNAVAILABLE' satisfies SignInFailure);
        }
        const { user } = session;
        return {
          id: user.id,
          name: `${user.firstName} ${user.lastName}`.trim(),
          email: user.email,
          locale: user.locale,
          apiToken: session.token,
        };
      },
    }),
    ...ONBOARDING_PROVIDERS, // letter code (activation) and invitation: features/onboarding/auth-providers.ts
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.apiToken = user.apiToken;
        token.locale = user.locale;
      }
      return token;
    },
    // What page scripts can read (GET /api/auth/session): name and e-mail, never the API token.
    session({ session, token }) {
      return {
        expires: session.expires,
        user: { name: token.name ?? null, email: token.email ?? null },
      };
    },
  },
  events: {
    // Signing out of the web app also ends the API session, so a copied cookie is worthless.
    async signOut({ token }) {
      const apiToken = (token as { apiToken?: string } | null)?.apiToken;
      if (!apiToken) return;
      try {
        await apiGraphql<{ signOut: boolean }>('mutation SignOut { signOut }', {}, { token: apiToken });
      } catch {
        // The API being down must not keep the user signed in here; its session expires on its own.
      }
    },
  },
};
