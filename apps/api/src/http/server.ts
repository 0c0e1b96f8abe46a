import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { AppServices, Context } from '../core/context';
import { createLoaders } from '../core/context';
import { formatError, isDatabaseDown, serviceUnavailable } from '../core/errors';
import { costLimitPlugin, limitsRule } from '../core/limits';
import { getSchema } from '../core/schema';
import { resolvePrincipal } from './principal';
import { ROUTES, readBody, sendJson } from './routes';

const MAX_BODY = 256 * 1024;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The real client, as forwarded by the web app under the shared secret; otherwise the socket peer. */
function clientOf(req: IncomingMessage, services: AppServices): { ip: string; userAgent: string | null } {
  const secret = services.env.KRING_PROXY_SECRET;
  const given = req.headers['x-kring-proxy-secret'];
  if (secret && typeof given === 'string' && safeEqual(given, secret)) {
    const ip = req.headers['x-kring-client-ip'];
    const ua = req.headers['x-kring-client-ua'];
    return { ip: typeof ip === 'string' ? ip : 'unknown', userAgent: typeof ua === 'string' ? ua : null };
  }
  return { ip: req.socket.remoteAddress ?? 'unknown', userAgent: req.headers['user-agent'] ?? null };
}

export async function createApollo(services: AppServices): Promise<ApolloServer<Context>> {
  const production = services.env.KRING_ENV === 'production';
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // main.ts shuts down in order on SIGTERM (QUALITY.md 24); Apollo's own handler would stop
    // executing operations at once and answer the requests still coming in with 500.
    stopOnTerminationSignals: false,
    validationRules: [limitsRule],
    // Answers are private and never cached by HTTP caches; Apollo's cache-control plugin would
    // otherwise wrap every field resolver to compute cache hints (a few % of the start screen).
    plugins: [costLimitPlugin, ApolloServerPluginCacheControlDisabled()],
    formatError: (formatted, error) =>
      formatError(formatted, error, randomUUID, (err, id) => services.log.error({ err, correlationId: id }, 'unexpected error')),
  });
  await apollo.start();
  return apollo;
}

const draining = new WeakSet<http.Server>();
/** Requests being handled, per server: a client that hung up does not end its handler's work. */
const handling = new WeakMap<http.Server, Set<Promise<void>>>();

/**
 * Stops listening and lets the requests in flight finish (QUALITY.md 24). From now on every answer
 * closes its connection: under steady load, keep-alive clients would otherwise keep the server
 * open forever. Idle keep-alive connections are cut after `drainMs` (0: at once, as
 * http.Server#close does), not before: a request may be on its way on one and would be reset.
 * Whatever is still open after `graceMs` is cut.
 */
export async function closeHttpServer(server: http.Server, opts: { drainMs?: number; graceMs?: number } = {}): Promise<void> {
  draining.add(server);
  const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
  const idle = setTimeout(() => server.closeIdleConnections(), opts.drainMs ?? 0);
  const cut = setTimeout(() => server.closeAllConnections(), opts.graceMs ?? 10_000);
  await closed;
  clearTimeout(idle);
  // A request whose client went away has no connection left to wait for, but its handler may still
  // be at work (a transaction): let it finish before the caller closes the database.
  const busy = [...(handling.get(server) ?? [])];
  if (busy.length) await Promise.race([Promise.allSettled(busy), new Promise((r) => setTimeout(r, opts.graceMs ?? 10_000).unref())]);
  clearTimeout(cut);
}

export function createHttpServer(services: AppServices, apollo: ApolloServer<Context>): http.Server {
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    if (draining.has(server)) res.setHeader('connection', 'close');
    const work = handle(req, res, services, apollo)
      .catch((err: unknown) => {
        const status = (err as { status?: number }).status ?? (isDatabaseDown(err) ? 503 : 500);
        if (status >= 500) services.log.error({ err }, 'request failed');
        if (!res.headersSent) sendJson(res, status, { error: status === 503 ? 'SERVICE_UNAVAILABLE' : 'ERROR' });
        else res.end();
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  handling.set(server, inFlight);
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, services: AppServices, apollo: ApolloServer<Context>) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
  if (url.pathname === '/graphql') return graphql(req, res, url, services, apollo);
  for (const route of ROUTES) {
    const match = route.method === req.method ? route.pattern.exec(url.pathname) : null;
    if (match) return route.handle(req, res, match, services);
  }
  sendJson(res, 404, { error: 'NOT_FOUND' });
}

async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, services: AppServices, apollo: ApolloServer<Context>) {
  if (req.method !== 'POST' && req.method !== 'GET') return sendJson(res, 405, { error: 'METHOD_NOT_ALLOWED' });
  let body: unknown = undefined;
  if (req.method === 'POST') {
    const raw = (await readBody(req, MAX_BODY)).toString('utf8');
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return sendJson(res, 400, { errors: [{ message: 'Invalid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    }
    // Batched requests would multiply attempts (QUALITY.md 8): a JSON array body gets 400.
    if (Array.isArray(body)) {
      return sendJson(res, 400, { errors: [{ message: 'Batched requests are not supported', extensions: { code: 'BAD_REQUEST' } }] });
    }
  }
  const headers = new HeaderMap();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
    context: async () => {
      const principal = await resolvePrincipal(services, req.headers.authorization).catch((err: unknown) => {
        // The database is away (QUALITY.md 23): say so with 503, not Apollo's 500 for a failed context.
        throw isDatabaseDown(err) ? serviceUnavailable() : err;
      });
      return {
        ...services,
        requestId: randomUUID(),
        viewer: principal.viewer,
        provider: principal.provider,
        client: clientOf(req, services),
        acceptLanguage: typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'] : null,
        loaders: createLoaders(services, principal.viewer),
      };
    },
  });
  const outHeaders: Record<string, string> = { 'cache-control': 'no-store' };
  for (const [k, v] of result.headers) outHeaders[k] = v;
  res.writeHead(result.status ?? 200, outHeaders);
  if (result.body.kind === 'complete') res.end(result.body.string);
  else {
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }
}
