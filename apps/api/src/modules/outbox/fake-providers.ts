import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/** What the fake Resend/Twilio service received, as a real service would see it. */
export interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A local stand-in for api.resend.com and api.twilio.com (tests only). Resend's idempotency
 * is imitated: a second request with a known Idempotency-Key gets the first answer and
 * delivers nothing new, as Resend documents.
 */
export class FakeProviders {
  readonly requests: Received[] = [];
  /** E-mails and texts that actually "left": one per idempotency key for Resend. */
  readonly delivered: Received[] = [];
  /** Answer the next N requests with this status instead of success. */
  failNext: { count: number; status: number } = { count: 0, status: 500 };
  private readonly byKey = new Map<string, string>();
  private server: http.Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.answer({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }, res));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  private answer(r: Received, res: http.ServerResponse): void {
    this.requests.push(r);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.failNext.count > 0) {
      this.failNext.count--;
      return json(this.failNext.status, { statusCode: this.failNext.status, name: 'fake_failure', message: 'fake failure', code: 20500, status: this.failNext.status });
    }
    if (r.method === 'POST' && r.path === '/emails') {
      const key = r.headers['idempotency-key'];
      const known = typeof key === 'string' ? this.byKey.get(key) : undefined;
      if (known) return json(200, { id: known });
      const id = `re_${this.requests.length}`;
      if (typeof key === 'string') this.byKey.set(key, id);
      this.delivered.push(r);
      return json(200, { id });
    }
    const sms = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(r.path);
    if (r.method === 'POST' && sms) {
      this.delivered.push(r);
      const form = new URLSearchParams(r.body);
      return json(201, {
        sid: `SM${String(this.requests.length).padStart(32, '0')}`,
        account_sid: sms[1],
        to: form.get('To'),
        from: form.get('From'),
        body: form.get('Body'),
        status: 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        date_created: new Date().toUTCString(),
        uri: r.path,
      });
    }
    json(404, { message: 'not found' });
  }

  /** A Twilio HTTP client that sends the SDK's real requests to this fake instead of api.twilio.com. */
  twilioHttpClient(): RequestClient {
    const base = this.url;
    class LocalClient extends twilio.RequestClient {
      override request<TData>(opts: RequestClient.RequestOptions<TData>) {
        const u = new URL(opts.uri);
        return super.request<TData>({ ...opts, uri: `${base}${u.pathname}${u.search}` });
      }
    }
    return new LocalClient({ keepAlive: false });
  }
}
