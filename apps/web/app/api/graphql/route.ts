import { cookies } from 'next/headers';
import { clientInfo, forwardingHeaders } from '@/lib/api-server';
import { gateGraphqlBody, sameOrigin } from '@/lib/graphql-gate';
import { serverEnv } from '@/lib/server-env';
import { apiTokenFromCookies } from '@/lib/session';

export const dynamic = 'force-dynamic';

const MAX_BODY = 256 * 1024;

function refuse(status: number, code: string): Response {
  return Response.json({ errors: [{ message: code, extensions: { code } }] }, { status, headers: { 'cache-control': 'no-store' } });
}

/** The browser's only way to the API: adds the session's bearer token, which the browser never sees. */
export async function POST(request: Request): Promise<Response> {
  const proto = new URL(request.url).protocol.replace(':', '');
  // NEXTAUTH_URL names the site; the Host header is only the fallback when it is not set.
  const host = request.headers.get('host');
  if (!sameOrigin(request.headers.get('origin'), serverEnv.siteUrl, host, proto)) return refuse(403, 'FORBIDDEN');
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) return refuse(415, 'BAD_REQUEST');

  const text = await request.text();
  if (text.length > MAX_BODY) return refuse(413, 'BAD_REQUEST');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse(400, 'BAD_REQUEST');
  }
  const gate = gateGraphqlBody(raw);
  if (!gate.ok) return refuse(gate.status, gate.code);

  const token = await apiTokenFromCookies(await cookies());
  let upstream: Response;
  try {
    upstream = await fetch(`${serverEnv.apiUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...forwardingHeaders(clientInfo(request.headers)),
      },
      body: JSON.stringify(gate.body),
      cache: 'no-store',
    });
  } catch {
    return refuse(503, 'SERVICE_UNAVAILABLE');
  }
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' },
  });
}

export function GET(): Response {
  return refuse(405, 'METHOD_NOT_ALLOWED');
}
