/*
 * QUALITY.md 26: two API processes on one database behave as one. Two real processes (src/main.ts)
 * on one MariaDB database (TEST_DATABASE_URL), or on one SQLite file otherwise; requests
 * alternate between them, and every counter, lock and session must be the same in both.
 */
import { IsNull, Not } from 'typeorm';
import { SIGN_IN, SMS_LIMITS } from '@kring/domain';
import { MessageEntity } from '../modules/messages/message.entity';
import { NotificationEventEntity } from '../modules/notifications/notification.entity';
import { OutboxEntity } from '../modules/outbox/outbox.entity';
import { codeOf, processDatabase, spawnApi, type ApiProcess, type ProcessDatabase } from '../test/processes';

jest.setTimeout(120_000);

const SIGN_IN_MUTATION = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';
const REQUEST_CODE = 'mutation { requestStepUpCode { sentTo } }';
const VERIFY_CODE = 'mutation($c: String!) { verifyStepUpCode(code: $c) { stepUpValidUntil } }';
const ME = '{ viewer { stepUpValidUntil accounts { own account { id } } } }';
const DOSSIER = 'query($id: ID!) { account(id: $id) { dossier { items { id } } } }';
const POST = 'mutation($a: ID!, $b: String!) { postMessage(accountId: $a, audience: ALL_CONNECTIONS, body: $b) { id } }';

/** Runs `work` for 0..n-1 with at most `limit` at once. */
async function pool<T>(n: number, limit: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

describe('two API processes on one database behave as one (QUALITY.md 26)', () => {
  let database: ProcessDatabase;
  let a: ApiProcess;
  let b: ApiProcess;
  let both: [ApiProcess, ApiProcess];
  let sanne: string;
  let sanneAccount: string;

  beforeAll(async () => {
    database = await processDatabase('two');
    // Replicas as deployed with a separate worker (npm run worker): the outbox rows stay as written.
    [a, b] = await Promise.all([spawnApi(database, { KRING_WORKER: 'off' }, 'A'), spawnApi(database, { KRING_WORKER: 'off' }, 'B')]);
    both = [a, b];
    sanne = await a.signIn('sanne@example.nl');
    const me = await a.ok<{ viewer: { accounts: { own: boolean; account: { id: string } }[] } }>(ME, {}, { token: sanne });
    sanneAccount = me.viewer.accounts.find((x) => x.own)!.account.id;
  });
  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await database?.close();
  });

  it('runs two processes', () => {
    expect(a.pid).not.toBe(b.pid);
  });

  it('sign-in failures through both count together: the growing delay starts after the 5th, whichever process saw them', async () => {
    const email = 'niemand@example.nl';
    for (let i = 0; i < SIGN_IN.freeFailures; i++) {
      const r = await both[i % 2]!.gql(SIGN_IN_MUTATION, { e: email, p: `fout-${i}` }, { ip: '203.0.113.7' });
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
    }
    // Each process saw only 2 or 3 failures itself; together they are 5.
    for (const api of both) expect(codeOf(await api.gql(SIGN_IN_MUTATION, { e: email, p: 'nog-eens' }, { ip: '203.0.113.7' }))).toBe('RATE_LIMITED');
  });

  it('the 101st sign-in of an account fails even with the right password, failures spread over 25 addresses and both processes (QUALITY.md 2)', async () => {
    const email = 'pieter@example.nl';
    const ip = (i: number) => `198.51.100.${(i % 25) + 1}`;
    // 4 failures per address: under the growing delay, so only the per-account cap can refuse.
    const tryWrong = async (i: number) => codeOf(await both[i % 2]!.gql(SIGN_IN_MUTATION, { e: email, p: `verkeerd-${i}` }, { ip: ip(i) }));
    const first = await pool(SIGN_IN.perAccountPerHour - 1, 4, tryWrong);
    expect(first.every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    // After 99 failures the right password still works (on either process) …
    expect(codeOf(await a.gql(SIGN_IN_MUTATION, { e: email, p: 'welkom-bij-kring' }, { ip: '192.0.2.1' }))).toBeNull();
    expect(await tryWrong(SIGN_IN.perAccountPerHour - 1)).toBe('UNAUTHENTICATED');
    // … after the 100th it does not, on either, from an address never used.
    for (const api of both) {
      const r = await api.gql(SIGN_IN_MUTATION, { e: email, p: 'welkom-bij-kring' }, { ip: '192.0.2.2' });
      expect(codeOf(r)).toBe('RATE_LIMITED');
    }
  });

  describe('SMS step-up', () => {
    let token: string;
    beforeAll(() => {
      token = sanne;
    });
    const sent = () => database.db.manager.find(OutboxEntity, { where: { kind: 'step-up-code', recipient: '+31612345678' }, order: { createdAt: 'ASC', id: 'ASC' } });

    it('sends alternating between the processes are counted together: the 4th in 10 minutes is refused (QUALITY.md 7)', async () => {
      for (let i = 0; i < SMS_LIMITS.perUser10Min; i++) expect(codeOf(await both[i % 2]!.gql(REQUEST_CODE, {}, { token }))).toBeNull();
      const fourth = await both[SMS_LIMITS.perUser10Min % 2]!.gql(REQUEST_CODE, {}, { token });
      expect(codeOf(fourth)).toBe('RATE_LIMITED');
      expect(codeOf(await both[(SMS_LIMITS.perUser10Min + 1) % 2]!.gql(REQUEST_CODE, {}, { token }))).toBe('RATE_LIMITED');
      expect(await sent()).toHaveLength(SMS_LIMITS.perUser10Min);
    });

    it('concurrent sends racing on both processes: still only 3 leave', async () => {
      const jeroen = await b.signIn('jeroen@example.nl');
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => both[i % 2]!.gql(REQUEST_CODE, {}, { token: jeroen })));
      expect(results.filter((r) => codeOf(r) !== null && codeOf(r) !== 'RATE_LIMITED')).toEqual([]);
      expect(results.filter((r) => codeOf(r) === null)).toHaveLength(SMS_LIMITS.perUser10Min);
      expect(results.filter((r) => codeOf(r) === 'RATE_LIMITED')).toHaveLength(8 - SMS_LIMITS.perUser10Min);
      expect(await database.db.manager.countBy(OutboxEntity, { kind: 'step-up-code', recipient: '+31687654321' })).toBe(SMS_LIMITS.perUser10Min);
    });

    it('a step-up verified through A is valid on B at once', async () => {
      expect(codeOf(await b.gql(DOSSIER, { id: sanneAccount }, { token }))).toBe('STEP_UP_REQUIRED');
      const rows = await sent();
      // Only the newest code is open (a new send voids the earlier ones).
      const code = /\b(\d{6})\b/.exec(rows[rows.length - 1]!.text)![1]!;
      await a.ok(VERIFY_CODE, { c: code }, { token });
      const onB = await b.gql(DOSSIER, { id: sanneAccount }, { token });
      expect(codeOf(onB)).toBeNull();
      expect(onB.data.account.dossier.items).toEqual(expect.any(Array));
      expect((await b.ok(ME, {}, { token })).viewer.stepUpValidUntil).not.toBeNull();
    });
  });

  it('signing out on A ends the session on B at once', async () => {
    const token = await b.signIn('jeroen@example.nl');
    const account = 'query($id: ID!) { account(id: $id) { displayName } }';
    expect((await b.ok(ME, {}, { token })).viewer).not.toBeNull();
    expect(codeOf(await b.gql(account, { id: sanneAccount }, { token }))).toBeNull();
    expect(await a.ok('mutation { signOut }', {}, { token })).toEqual({ signOut: true });
    for (const api of [b, a]) {
      expect((await api.ok(ME, {}, { token })).viewer).toBeNull();
      expect(codeOf(await api.gql(account, { id: sanneAccount }, { token }))).toBe('UNAUTHENTICATED');
    }
  });

  it('concurrent posts split over both processes are all stored, each with its notification event', async () => {
    const N = 120;
    const tokens = await Promise.all([a.signIn('sanne@example.nl'), b.signIn('fatima@example.nl')]);
    const before = await database.db.manager.countBy(NotificationEventEntity, { kind: 'NEW_MESSAGE' });
    const results = await pool(N, 16, (i) => both[i % 2]!.gql(POST, { a: sanneAccount, b: `bericht ${i}` }, { token: tokens[i % 2] }));
    const failed = results.filter((r) => r.status !== 200 || r.errors?.length);
    expect(failed.map((r) => [r.status, r.errors])).toEqual([]);
    const ids = results.map((r) => r.data.postMessage.id as string);
    const stored = await database.db.manager.findBy(MessageEntity, { body: Not(IsNull()), accountId: sanneAccount });
    const bodies = new Set(stored.map((m) => m.body));
    expect(Array.from({ length: N }, (_, i) => `bericht ${i}`).filter((x) => !bodies.has(x))).toEqual([]);
    expect(new Set(stored.map((m) => m.id)).size).toBe(stored.length);
    expect(stored.map((m) => m.id)).toEqual(expect.arrayContaining(ids));
    // The side effect written in the same transaction (the new-message e-mails are made from these).
    expect((await database.db.manager.countBy(NotificationEventEntity, { kind: 'NEW_MESSAGE' })) - before).toBe(N);
  });
});
