import { serverEnv } from './server-env';

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

export interface GqlResult<T> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/**
 * The browser's address and user agent. The rightmost X-Forwarded-For entry is the one
 * added by the nearest hop (Next's own server or the reverse proxy in front of it); the
 * entries to its left are supplied by the client and could be forged.
 */
export function clientInfo(source: HeaderSource): ClientInfo {
  const forwarded = header(source, 'x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  return {
    ip: (last ?? header(source, 'x-real-ip') ?? 'unknown').slice(0, 100),
    userAgent: (header(source, 'user-agent') ?? '').slice(0, 500),
  };
}

/** Headers that let the API see the real client; trusted only with the shared secret. */
export function forwardingHeaders(client: ClientInfo | undefined): Record<string, string> {
  if (!client || !serverEnv.proxySecret) return {};
  return {
    'x-kring-proxy-secret': serverEnv.proxySecret,
    'x-kring-client-ip': client.ip,
    'x-kring-client-ua': client.userAgent,
  };
}

/** A GraphQL request from the web server to the API (server-side only: the token never reaches the browser). */
export async function apiGraphql<T>(
  query: string,
  variables: Record<string, unknown>,
  opts: { token?: string | null; client?: ClientInfo } = {},
): Promise<GqlResult<T>> {
  const res = await fetch(`${serverEnv.apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...forwardingHeaders(opts.client),
    },
    body: JSON.stringify({ query, variables }),
    cache: 'no-store',
  });
  let body: { data?: T | null; errors?: GqlError[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    body = { errors: [{ message: 'bad response', extensions: { code: res.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR' } }] };
  }
  return { status: res.status, data: body.data, errors: body.errors };
}

export function firstErrorCode(errors: GqlError[] | undefined): { code?: string; reason?: string } {
  const e = errors?.[0]?.extensions;
  return { code: e?.code, reason: e?.reason };
}
