/*
 * QUALITY.md 24: SIGTERM under load. The real API (src/main.ts) in a process of its own, with its
 * inline outbox worker busy on a slow mail service, gets SIGTERM while a steady load of signed-in
 * queries and posts runs. Every request that got an answer got no 5xx and no error; the requests
 * in flight at SIGTERM all finish; the worker finishes the batch it holds and claims nothing more;
 * the process exits 0. Connections refused once the server stopped listening are counted apart.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { In } from 'typeorm';
import { MessageEntity } from '../modules/messages/message.entity';
import { enqueueEmail } from '../modules/outbox/outbox';
import { OutboxEntity } from '../modules/outbox/outbox.entity';
import { processDatabase, spawnApi, type ApiProcess, type ProcessDatabase } from '../test/processes';

jest.setTimeout(120_000);

const SEND_MS = 250;
const LOOPS = 12;
const EXIT_BOUND_MS = 20_000;

/** A mail service (Resend's POST /emails) that takes SEND_MS per e-mail, so that the worker is mid-batch at SIGTERM. */
class SlowMailService {
  readonly received: { key: string; at: number }[] = [];
  private server = http.createServer((req, res) => {
    const key = String(req.headers['idempotency-key'] ?? '');
    this.received.push({ key, at: Date.now() });
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `re_${this.received.length}` }));
      }, SEND_MS),
    );
  });
  url = '';
  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

interface Sample {
  start: number;
  end: number;
  kind: 'read' | 'post';
  status?: number;
  codes: (string | null)[];
  /** A network error (refused, reset) instead of an answer. */
  network?: string;
  postedId?: string;
}

const READ = '{ viewer { accounts { own level account { id displayName } } } }';
const LIST = 'query($id: ID!) { account(id: $id) { messages(first: 20) { nodes { id body } } } }';
const POST = 'mutation($a: ID!, $b: String!) { postMessage(accountId: $a, audience: ALL_CONNECTIONS, body: $b) { id } }';

describe('SIGTERM under load (QUALITY.md 24)', () => {
  let database: ProcessDatabase;
  let mail: SlowMailService;
  let api: ApiProcess;

  beforeAll(async () => {
    database = await processDatabase('sigterm');
    mail = await new SlowMailService().start();
    api = await spawnApi(database, { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: mail.url, KRING_WORKER: 'inline' }, 'api');
  });
  afterAll(async () => {
    await api?.kill();
    await mail?.stop();
    await database?.close();
  });

  it('finishes what is in flight, stops the worker, exits 0 and answers no 5xx', async () => {
    const tokens = await Promise.all(['sanne', 'jeroen', 'fatima'].map((n) => api.signIn(`${n}@example.nl`)));
    const me = await api.ok(READ, {}, { token: tokens[0] });
    const account = (me.viewer.accounts as { own: boolean; account: { id: string } }[]).find((a) => a.own)!.account.id;

    // Steady load: LOOPS clients, each one request after another, until the process is gone.
    const samples: Sample[] = [];
    let gone = false;
    let n = 0;
    const client = async (c: number) => {
      while (!gone) {
        const i = n++;
        const kind = i % 3 === 2 ? 'post' : 'read';
        const token = tokens[c % tokens.length];
        const s: Sample = { start: Date.now(), end: 0, kind, codes: [] };
        try {
          const r =
            kind === 'post'
              ? await api.gql(POST, { a: account, b: `onder last ${i}` }, { token })
              : await api.gql(i % 2 ? READ : LIST, { id: account }, { token });
          s.status = r.status;
          s.codes = (r.errors ?? []).map((e) => (e.extensions?.code as string | undefined) ?? null);
          if (kind === 'post' && r.data?.postMessage) s.postedId = r.data.postMessage.id as string;
        } catch (err) {
          s.network = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
          // Refused: the server no longer listens; do not spin.
          await new Promise((r) => setTimeout(r, 20));
        }
        s.end = Date.now();
        samples.push(s);
      }
    };
    const load = Promise.all(Array.from({ length: LOOPS }, (_, c) => client(c)));

    const waitFor = async (what: string, done: () => boolean) => {
      const deadline = Date.now() + 30_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`waited in vain for ${what}: ${samples.length} answers, ${mail.received.length} e-mails`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await waitFor('the load', () => samples.length >= 50);

    // Work for the worker (batches of 20, SEND_MS each), then SIGTERM early in the first batch.
    const ROWS = 60;
    await database.db.tx(async (m) => {
      for (let i = 0; i < ROWS; i++) await enqueueEmail(m, new Date(), { kind: 'sigterm-test', to: `p${i}@example.nl`, subject: 'Test', text: 'Test' });
    });
    await waitFor('the worker', () => mail.received.length >= 3);
    const sigtermAt = Date.now();
    process.kill(api.pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([api.exited, new Promise<null>((r) => (timer = setTimeout(() => r(null), EXIT_BOUND_MS + 10_000)))]);
    clearTimeout(timer);
    gone = true;
    await load;

    // The process ended by itself, with 0, within the bound.
    expect(exit).not.toBeNull();
    expect(exit!).toMatchObject({ code: 0, signal: null });
    const exitMs = exit!.at - sigtermAt;
    expect(exitMs).toBeLessThan(EXIT_BOUND_MS);

    // In order: the worker stopped, then the HTTP server closed, then the database.
    const at = (msg: string) => api.logs.find((l) => l.msg === msg)?.time ?? NaN;
    const closingAt = at('closing the HTTP server');
    expect(at('stopping')).toBeLessThanOrEqual(closingAt);
    expect(closingAt).toBeLessThanOrEqual(at('stopped'));

    // No answer was a 5xx or an error; the requests in flight at SIGTERM, and those in flight when
    // the server stopped listening, all got a good answer.
    const answered = samples.filter((s) => s.status !== undefined);
    const bad = answered.filter((s) => s.status! >= 500 || s.codes.length > 0);
    expect(bad).toEqual([]);
    const inFlightAt = (t: number) => samples.filter((s) => s.start < t && s.end >= t);
    const inFlight = inFlightAt(sigtermAt);
    const inFlightAtClose = inFlightAt(closingAt);
    expect(inFlight.length).toBeGreaterThanOrEqual(1);
    expect(inFlightAtClose.length).toBeGreaterThanOrEqual(1);
    expect([...inFlight, ...inFlightAtClose].filter((s) => s.status !== 200 || s.codes.length > 0 || s.network)).toEqual([]);
    // Refused or reset connections only once the server stopped listening: counted apart, allowed.
    const refused = samples.filter((s) => s.network);
    expect(refused.filter((s) => s.start < closingAt)).toEqual([]);

    // Every acknowledged post is stored.
    const posted = answered.map((s) => s.postedId).filter((id): id is string => !!id);
    expect(posted.length).toBeGreaterThan(0);
    expect(await database.db.manager.countBy(MessageEntity, { id: In(posted) })).toBe(posted.length);

    // The worker finished the batch it held at SIGTERM (the slow service still got e-mails after
    // it) and claimed nothing after SIGTERM; every e-mail handed over is marked sent, no claim is
    // left dangling, nothing reached the service after exit.
    const rows = await database.db.manager.findBy(OutboxEntity, { kind: 'sigterm-test' });
    const handedOver = new Set(mail.received.map((r) => r.key.replace(/^kring-outbox-/, '')));
    expect(mail.received.some((r) => r.at > sigtermAt)).toBe(true);
    expect(mail.received.filter((r) => r.at > closingAt)).toEqual([]);
    expect(rows.filter((r) => handedOver.has(r.id) && r.status !== 'SENT')).toEqual([]);
    expect(rows.filter((r) => r.status === 'SENT' && !handedOver.has(r.id))).toEqual([]);
    expect(rows.filter((r) => r.claimedBy !== null)).toEqual([]);
    expect(rows.filter((r) => r.claimedAt && r.claimedAt.getTime() > sigtermAt + 50)).toEqual([]);
    const sent = rows.filter((r) => r.status === 'SENT').length;
    expect(sent).toBeLessThan(ROWS);
    expect(rows.filter((r) => r.status === 'PENDING' && r.attempts === 0)).toHaveLength(ROWS - sent);

    // The figures, for the record.
    console.info(
      `SIGTERM: ${answered.length} answers (${answered.filter((s) => s.start >= sigtermAt).length} after SIGTERM), ${inFlight.length} in flight at SIGTERM, ` +
        `${inFlightAtClose.length} in flight when the server stopped listening (${closingAt - sigtermAt} ms after SIGTERM), ` +
        `0 5xx, ${refused.length} refused after SIGTERM, exit ${exit!.code} after ${exitMs} ms, ${sent}/${ROWS} e-mails sent, ` +
        `${mail.received.filter((r) => r.at > sigtermAt).length} of them after SIGTERM`,
    );
  });
});
