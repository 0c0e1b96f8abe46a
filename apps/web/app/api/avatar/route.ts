import { cookies } from 'next/headers';
import { clientInfo, forwardingHeaders } from '@/lib/api-server';
import { sameOrigin } from '@/lib/graphql-gate';
import { serverEnv } from '@/lib/server-env';
import { apiTokenFromCookies } from '@/lib/session';

export const dynamic = 'force-dynamic';

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Reads the body, stopping as soon as it passes the limit (a body without Content-Length is not buffered whole). */
async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | 'TOO_LARGE'> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(new ArrayBuffer(0));
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return 'TOO_LARGE';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function refuse(status: number, code: string): Response {
  return Response.json({ error: code }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * Profile picture upload: the browser PUTs the image here, and the web server forwards the body to
 * the API's PUT /me/avatar with the session's bearer token, which the browser never holds.
 * The API re-encodes and resizes it; this route only checks origin, type and size first.
 */
export async function PUT(request: Request): Promise<Response> {
  const proto = new URL(request.url).protocol.replace(':', '');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!sameOrigin(request.headers.get('origin'), serverEnv.siteUrl, host, proto)) return refuse(403, 'FORBIDDEN');
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!TYPES.has(type)) return refuse(415, 'UNSUPPORTED_MEDIA_TYPE');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BYTES) return refuse(413, 'TOO_LARGE');
  const token = await apiTokenFromCookies(await cookies());
  if (!token) return refuse(401, 'UNAUTHENTICATED');
  const body = await readCapped(request, MAX_BYTES);
  if (body === 'TOO_LARGE') return refuse(413, 'TOO_LARGE');
  if (body.byteLength === 0) return refuse(400, 'BAD_REQUEST');

  let upstream: Response;
  try {
    upstream = await fetch(`${serverEnv.apiUrl}/me/avatar`, {
      method: 'PUT',
      headers: { 'content-type': type, authorization: `Bearer ${token}`, ...forwardingHeaders(clientInfo(request.headers)) },
      body,
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
