import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { LEVELS_AND_OUTSIDER, codeOf, membershipOf, newPerson, tokensByLevel, type Who } from '../../test/circle';
import { AccessLogEntity } from './access-log.entity';
import { appendAccessLog, verifyAllChains } from './access-log';

const LOG = `query($id: ID!, $first: Int!, $after: String, $from: DateTimeISO, $to: DateTimeISO) {
  account(id: $id) { accessLog(first: $first, after: $after, from: $from, to: $to) { nodes { id at actorName action detail } nextCursor } } }`;

describe('Account.accessLog', () => {
  let w: DemoWorld;
  let tokens: Record<Who, string>;
  beforeEach(async () => {
    w = await startDemoWorld();
    tokens = await tokensByLevel(w);
  });
  afterEach(() => w.close());

  const expected: Record<Who, string | null> = { MANAGER: null, TRUST: 'FORBIDDEN', BASIC: 'FORBIDDEN', NONE: 'FORBIDDEN', OUTSIDER: 'NOT_FOUND' };
  it.each(LEVELS_AND_OUTSIDER)('%s: only the manager reads the access log', async (who) => {
    const r = await w.gql(LOG, { id: w.ids.sanneAccount, first: 10 }, { token: tokens[who] });
    expect(codeOf(r) ?? null).toBe(expected[who]);
    if (who !== 'MANAGER' && who !== 'OUTSIDER') expect(r.data.account.accessLog).toBeNull();
  });

  it('needs a step-up', async () => {
    const fresh = await w.signIn('sanne@example.nl');
    expect(codeOf(await w.gql(LOG, { id: w.ids.sanneAccount, first: 10 }, { token: fresh }))).toBe('STEP_UP_REQUIRED');
  });

  it('shows rights changes newest first, logs its own opening, and pages by cursor', async () => {
    const fatima = await membershipOf(w, 'fatima@example.nl', w.ids.sanneAccount);
    for (const level of ['TRUST', 'BASIC', 'NONE']) {
      w.clock.advance(60_000);
      await w.ok(`mutation($c: ID!, $l: AccessLevel!) { setConnectionLevel(connectionId: $c, level: $l) { id } }`, { c: fatima.id, l: level }, { token: tokens.MANAGER });
    }
    w.clock.advance(60_000);
    const page1 = (await w.ok(LOG, { id: w.ids.sanneAccount, first: 2 }, { token: tokens.MANAGER })).account.accessLog;
    expect(page1.nodes.map((n: { action: string; detail: string | null }) => [n.action, n.detail])).toEqual([
      ['ACCESS_LOG_OPENED', null],
      ['LEVEL_CHANGED', 'Fatima El Amrani: BASIC → NONE'],
    ]);
    expect(page1.nodes[0].actorName).toBe('Sanne de Vries');
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await w.ok(LOG, { id: w.ids.sanneAccount, first: 2, after: page1.nextCursor }, { token: tokens.MANAGER })).account.accessLog;
    // The second request logged its own opening at the top, which does not disturb the cursor.
    expect(page2.nodes.map((n: { detail: string }) => n.detail)).toEqual(['Fatima El Amrani: TRUST → BASIC', 'Fatima El Amrani: BASIC → TRUST']);
    expect(page2.nextCursor).toBeNull();
  });

  it('filters by period [from, to)', async () => {
    const fatima = await membershipOf(w, 'fatima@example.nl', w.ids.sanneAccount);
    const t0 = w.clock.now().getTime();
    w.clock.advance(600_000);
    await w.ok(`mutation($c: ID!) { setConnectionLevel(connectionId: $c, level: TRUST) { id } }`, { c: fatima.id }, { token: tokens.MANAGER });
    w.clock.advance(600_000);
    const from = new Date(t0 + 300_000).toISOString();
    const to = new Date(t0 + 900_000).toISOString();
    const r = (await w.ok(LOG, { id: w.ids.sanneAccount, first: 50, from, to }, { token: tokens.MANAGER })).account.accessLog;
    expect(r.nodes.map((n: { action: string }) => n.action)).toEqual(['LEVEL_CHANGED']);
  });

  it('refuses first outside 1..100', async () => {
    const r = await w.gql(LOG, { id: w.ids.sanneAccount, first: 101 }, { token: tokens.MANAGER });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
  });

  it("holds no other account's events, and helpers' own sign-ins are not in it", async () => {
    const bram = await newPerson(w, 'Bram');
    await w.db.tx((m) => appendAccessLog(m, w.clock.now(), { accountId: bram.accountId, actorName: 'Bram', action: 'DOSSIER_OPENED', basis: 'MANAGER' }));
    await w.signIn('jeroen@example.nl');
    const r = (await w.ok(LOG, { id: w.ids.sanneAccount, first: 100 }, { token: tokens.MANAGER })).account.accessLog;
    expect(r.nodes.map((n: { action: string }) => n.action)).toEqual(['ACCESS_LOG_OPENED']);
  });
});

describe('audit:verify (hash chain per account)', () => {
  let w: DemoWorld;
  beforeEach(async () => {
    w = await startDemoWorld();
    for (const action of ['CONNECTIONS_OPENED', 'DOSSIER_OPENED', 'LEVEL_CHANGED', 'ACCESS_LOG_OPENED'] as const) {
      await w.db.tx((m) => appendAccessLog(m, w.clock.now(), { accountId: w.ids.sanneAccount, actorName: 'Sanne de Vries', action, basis: 'MANAGER' }));
    }
  });
  afterEach(() => w.close());
  const row = (seq: number) => w.db.manager.findOneByOrFail(AccessLogEntity, { accountId: w.ids.sanneAccount, seq });

  it('passes an intact chain', async () => {
    expect(await verifyAllChains(w.db.manager)).toEqual({ checked: 1, broken: [] });
  });

  it('names the first changed entry', async () => {
    await w.db.manager.update(AccessLogEntity, { id: (await row(2)).id }, { actorName: 'Iemand anders' });
    expect((await verifyAllChains(w.db.manager)).broken).toEqual([{ accountId: w.ids.sanneAccount, seq: 2, reason: 'CHANGED_OR_MISSING' }]);
  });

  it('detects a removed entry in the middle', async () => {
    await w.db.manager.delete(AccessLogEntity, { id: (await row(2)).id });
    expect((await verifyAllChains(w.db.manager)).broken).toEqual([{ accountId: w.ids.sanneAccount, seq: 3, reason: 'CHANGED_OR_MISSING' }]);
  });

  it('detects a removed last entry', async () => {
    await w.db.manager.delete(AccessLogEntity, { id: (await row(4)).id });
    expect((await verifyAllChains(w.db.manager)).broken).toEqual([{ accountId: w.ids.sanneAccount, seq: 4, reason: 'TAIL_REMOVED' }]);
  });

  it('keeps one unforked chain under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 10 }, () =>
        w.db.tx((m) => appendAccessLog(m, w.clock.now(), { accountId: w.ids.sanneAccount, actorName: 'x', action: 'DOSSIER_OPENED', basis: 'TRUST' })),
      ),
    );
    expect(await w.db.manager.countBy(AccessLogEntity, { accountId: w.ids.sanneAccount })).toBe(14);
    expect((await verifyAllChains(w.db.manager)).broken).toEqual([]);
  });
});
