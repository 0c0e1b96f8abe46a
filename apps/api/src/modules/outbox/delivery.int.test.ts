import { Writable } from 'node:stream';
import pino from 'pino';
import { startTestApi, type TestApi } from '../../test/harness';
import { FakeProviders } from './fake-providers';
import { enqueueEmail, enqueueSms } from './outbox';
import { OutboxEntity } from './outbox.entity';
import { CLAIM_TTL_MS, MAX_ATTEMPTS, backoffMs, claimDue, deliverDue } from './delivery';
import { DevSender, senderFromEnv, type Sender } from './senders';

const KEYS = {
  RESEND_API_KEY: 're_test_key',
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
  TWILIO_AUTH_TOKEN: 'twilio-test-token',
  TWILIO_FROM: '+3197010000000',
};

describe('outbox delivery through the real SDKs', () => {
  let fake: FakeProviders;
  let api: TestApi;
  let sender: Sender;
  const services = () => api.app.services;
  const mail = (to = 'sanne@example.nl') =>
    api.db.tx((m) => enqueueEmail(m, api.clock.now(), { kind: 'test-mail', to, subject: 'Welkom bij Kring', text: 'Hallo Sanne', html: '<p>Hallo Sanne</p>' }));
  const row = (id: string) => api.db.manager.findOneByOrFail(OutboxEntity, { id });

  beforeEach(async () => {
    fake = await new FakeProviders().start();
    api = await startTestApi({ env: { ...KEYS, RESEND_BASE_URL: fake.url } });
    sender = senderFromEnv(api.env, api.app.services.log, { httpClient: fake.twilioHttpClient() });
  });
  afterEach(async () => {
    await api.close();
    await fake.stop();
  });

  it('chooses Resend and Twilio when their keys are set, else the development outbox', () => {
    expect(sender.name).toBe('email:resend,sms:twilio');
    expect(senderFromEnv({ ...api.env, RESEND_API_KEY: undefined, TWILIO_FROM: undefined }, api.app.services.log).name).toBe('email:dev,sms:dev');
  });

  it('sends an e-mail with the outbox id as idempotency key and marks it sent', async () => {
    const id = await mail();
    expect(await deliverDue(services(), sender, 'w1')).toEqual({ sent: 1, failed: 0 });
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.path).toBe('/emails');
    expect(req.headers.authorization).toBe('Bearer re_test_key');
    expect(req.headers['idempotency-key']).toBe(`kring-outbox-${id}`);
    expect(JSON.parse(req.body)).toMatchObject({ to: ['sanne@example.nl'], subject: 'Welkom bij Kring', text: 'Hallo Sanne', html: '<p>Hallo Sanne</p>', from: api.env.MAIL_FROM });
    expect(await row(id)).toMatchObject({ status: 'SENT', attempts: 1, sentAt: api.clock.now(), claimedBy: null });
  });

  it('sends an SMS through Twilio with the configured sender number', async () => {
    const id = await api.db.tx((m) => enqueueSms(m, api.clock.now(), { kind: 'step-up-code', to: '+31612345678', text: 'Je Kring-code is 123456' }));
    await deliverDue(services(), sender, 'w1');
    const req = fake.requests[0]!;
    expect(req.path).toBe(`/2010-04-01/Accounts/${KEYS.TWILIO_ACCOUNT_SID}/Messages.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${KEYS.TWILIO_ACCOUNT_SID}:${KEYS.TWILIO_AUTH_TOKEN}`).toString('base64')}`);
    const form = new URLSearchParams(req.body);
    expect({ to: form.get('To'), from: form.get('From'), body: form.get('Body') }).toEqual({ to: '+31612345678', from: KEYS.TWILIO_FROM, body: 'Je Kring-code is 123456' });
    expect((await row(id)).status).toBe('SENT');
  });

  it('sends through a Twilio messaging service when TWILIO_MESSAGING_SERVICE_SID is set', async () => {
    const viaService = senderFromEnv({ ...api.env, TWILIO_MESSAGING_SERVICE_SID: 'MG00000000000000000000000000000001' }, api.app.services.log, {
      httpClient: fake.twilioHttpClient(),
    });
    await api.db.tx((m) => enqueueSms(m, api.clock.now(), { kind: 'step-up-code', to: '+31612345678', text: 'Je Kring-code is 654321' }));
    await deliverDue(services(), viaService, 'w1');
    const form = new URLSearchParams(fake.requests[0]!.body);
    expect({ service: form.get('MessagingServiceSid'), from: form.get('From') }).toEqual({ service: 'MG00000000000000000000000000000001', from: null });
  });

  it('retries with growing back-off and gives up after 8 attempts', async () => {
    const id = await mail();
    fake.failNext = { count: 100, status: 503 };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDue(services(), sender, 'w1');
      const r = await row(id);
      expect(r.attempts).toBe(attempt);
      expect(r.status).toBe(attempt < MAX_ATTEMPTS ? 'PENDING' : 'FAILED');
      expect(r.lastError).toContain('503');
      // Not due again before its back-off has passed.
      await deliverDue(services(), sender, 'w1');
      expect(fake.requests).toHaveLength(attempt);
      api.clock.advance(backoffMs(attempt));
    }
    api.clock.advance(24 * 3600_000);
    await deliverDue(services(), sender, 'w1');
    expect(fake.requests).toHaveLength(MAX_ATTEMPTS);
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);
  });

  it('delivers after a temporary failure', async () => {
    const id = await mail();
    fake.failNext = { count: 1, status: 500 };
    await deliverDue(services(), sender, 'w1');
    expect((await row(id)).status).toBe('PENDING');
    api.clock.advance(30_000);
    await deliverDue(services(), sender, 'w1');
    expect(await row(id)).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(fake.delivered).toHaveLength(1);
  });

  it('gives up at once when the service refuses the message itself', async () => {
    const id = await mail('geen-adres');
    fake.failNext = { count: 1, status: 422 };
    await deliverDue(services(), sender, 'w1');
    expect(await row(id)).toMatchObject({ status: 'FAILED', attempts: 1 });
  });

  describe('a crash between commit and send (QUALITY.md 22)', () => {
    it('a row claimed by a worker that died is sent exactly once after its claim expires', async () => {
      const id = await mail();
      expect(await claimDue(api.db, api.clock.now(), 'dead-worker')).toHaveLength(1);
      // The process dies here: claimed, nothing sent. A restarted worker leaves the fresh claim alone…
      await deliverDue(services(), sender, 'restarted');
      expect(fake.requests).toHaveLength(0);
      // …and takes it over once the claim has expired.
      api.clock.advance(CLAIM_TTL_MS);
      await deliverDue(services(), sender, 'restarted');
      await deliverDue(services(), sender, 'restarted');
      expect(fake.delivered).toHaveLength(1);
      expect((await row(id)).status).toBe('SENT');
    });

    it('a message sent just before the crash is not sent again: the idempotency key', async () => {
      const id = await mail();
      const [claimed] = await claimDue(api.db, api.clock.now(), 'dead-worker');
      await sender.send(claimed!); // Resend accepted it; the process dies before marking the row.
      expect((await row(id)).status).toBe('PENDING');
      api.clock.advance(CLAIM_TTL_MS);
      await deliverDue(services(), sender, 'restarted');
      expect(fake.requests).toHaveLength(2);
      expect(fake.requests[1]!.headers['idempotency-key']).toBe(fake.requests[0]!.headers['idempotency-key']);
      expect(fake.delivered).toHaveLength(1);
      expect((await row(id)).status).toBe('SENT');
    });
  });

  it('two workers at once send every message exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await mail(`persoon${i}@example.nl`));
    await Promise.all([
      deliverDue(services(), sender, 'a').then(() => deliverDue(services(), sender, 'a')),
      deliverDue(services(), sender, 'b').then(() => deliverDue(services(), sender, 'b')),
    ]);
    const keys = fake.requests.map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(30);
    expect(keys).toHaveLength(30);
    expect(await api.db.manager.countBy(OutboxEntity, { status: 'SENT' })).toBe(30);
  });
});

describe('the development outbox', () => {
  it('logs that something was sent, to whom roughly, and never its content', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (c: Buffer, _e, cb) => { lines.push(c.toString()); cb(); } }));
    const dev = new DevSender(log);
    await dev.send({ id: 'x', channel: 'email', recipient: 'sanne@example.nl', subject: 'Code', text: 'Je code is 424242', html: null, attachments: null, kind: 'email-verify' });
    await dev.send({ id: 'y', channel: 'sms', recipient: '+31612345678', subject: null, text: 'Je code is 424242', html: null, attachments: null, kind: 'step-up-code' });
    const out = lines.join('');
    expect(out).toContain('e-mail to s…@example.nl kind=email-verify (dev outbox)');
    expect(out).toContain('sms to +316…78 kind=step-up-code (dev outbox)');
    expect(out).not.toContain('424242');
    expect(out).not.toContain('sanne@');
  });

  it('lists the last 50 rows at GET /dev/outbox, and is absent in production', async () => {
    const api = await startTestApi();
    try {
      for (let i = 0; i < 55; i++) {
        api.clock.advance(1000);
        await api.db.tx((m) => enqueueSms(m, api.clock.now(), { kind: 'step-up-code', to: '+31612345678', text: `Je Kring-code is ${100000 + i}` }));
      }
      const base = api.url.replace('/graphql', '');
      const res = await fetch(`${base}/dev/outbox`);
      expect(res.status).toBe(200);
      const rows = (await res.json()) as { text: string; channel: string; recipient: string; kind: string; id: string; createdAt: string }[];
      expect(rows).toHaveLength(50);
      expect(rows[0]).toMatchObject({ channel: 'sms', recipient: '+31612345678', kind: 'step-up-code', text: 'Je Kring-code is 100054' });
      expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['id', 'channel', 'recipient', 'subject', 'text', 'kind', 'createdAt']));
    } finally {
      await api.close();
    }
    const prod = await startTestApi({ env: { KRING_ENV: 'production', ...KEYS } });
    try {
      const res = await fetch(`${prod.url.replace('/graphql', '')}/dev/outbox`);
      expect(res.status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
