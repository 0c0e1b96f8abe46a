import { NextResponse, type NextRequest } from 'next/server';

function originOf(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : '';
  } catch {
    return '';
  }
}

/**
 * A strict, per-request Content-Security-Policy: scripts run only with this
 * request's nonce (Next reads it from the request's CSP header), so an injected
 * <script> in user content cannot run even if escaping failed somewhere.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  // Only `next dev` (React's dev tooling uses eval) loosens the policy; every `next build` inlines 'production'.
  // eslint-disable-next-line no-restricted-syntax
  const dev = process.env.NODE_ENV === 'development';
  const https = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
  // Avatars are served by the API under its public address.
  const apiOrigin = originOf(process.env.KRING_PUBLIC_API_URL ?? process.env.KRING_API_URL ?? 'http://127.0.0.1:4000');
  const csp = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // Inline style attributes (React style props) are harmless compared with scripts.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: ${apiOrigin}`.trim(),
    `font-src 'self'`,
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
