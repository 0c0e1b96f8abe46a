import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { LEVELS_AND_OUTSIDER, codeOf, connect, membershipOf, newPerson, reasonOf, tokensByLevel, type Who } from '../../test/circle';
import { AccessLogEntity } from '../audit/access-log.entity';
import { MembershipEntity } from '../accounts/account.entity';
import { firstBrokenEntry } from '../audit/access-log';

const CONNECTIONS = `query($id: ID!) { account(id: $id) { connections { id level since person { id name avatarUrl phone } } } }`;
const SET_LEVEL = `mutation($c: ID!, $l: AccessLevel!) { setConnectionLevel(connectionId: $c, level: $l) { id level person { name } } }`;
const REMOVE = `mutation($c: ID!) { removeConnection(connectionId: $c) }`;
const MY_ACCOUNT = `query($id: ID!) { account(id: $id) { myLevel myRights } }`;

const logOf = (w: DemoWorld, accountId: string) => w.db.manager.find(AccessLogEntity, { where: { accountId }, order: { seq: 'ASC' } });

describe('Account.connections', () => {
  let w: DemoWorld;
  let tokens: Record<Who, string>;
  beforeAll(async () => {
    w = await startDemoWorld();
    tokens = await tokensByLevel(w);
  });
  afterAll(() => w.close());

  const expected: Record<Who, string | null> = { MANAGER: null, TRUST: 'FORBIDDEN', BASIC: 'FORBIDDEN', NONE: 'FORBIDDEN', OUTSIDER: 'NOT_FOUND' };
  it.each(LEVELS_AND_OUTSIDER)('%s: allowed only for the manager', async (who) => {
    const r = await w.gql(CONNECTIONS, { id: w.ids.sanneAccount }, { token: tokens[who] });
    expect(codeOf(r) ?? null).toBe(expected[who]);
    if (who === 'MANAGER') expect(r.data.account.connections).toHaveLength(3);
    else if (who !== 'OUTSIDER') expect(r.data.account.connections).toBeNull();
  });

  it('lists everyone but the manager, with person, level and since', async () => {
    const data = await w.ok(CONNECTIONS, { id: w.ids.sanneAccount }, { token: tokens.MANAGER });
    const rows = data.account.connections as { level: string; since: string; person: { name: string; phone: string | null } }[];
    expect(rows.map((c) => [c.person.name, c.level]).sort()).toEqual([
      ['Fatima El Amrani', 'BASIC'],
      ['Jeroen de Vries', 'TRUST'],
      ['Pieter Jansen', 'NONE'],
    ]);
    // Jeroen's number is verified and not hidden; Fatima has none.
    expect(rows.find((c) => c.person.name.startsWith('Jeroen'))!.person.phone).toBe('+31687654321');
    expect(rows.every((c) => !Number.isNaN(Date.parse(c.since)))).toBe(true);
  });

  it('asks the manager for a step-up first', async () => {
    const fresh = await w.signIn('sanne@example.nl');
    const r = await w.gql(CONNECTIONS, { id: w.ids.sanneAccount }, { token: fresh });
    expect(codeOf(r)).toBe('STEP_UP_REQUIRED');
  });

  it('refuses a helper without the right before asking for a code', async () => {
    const fresh = await w.signIn('jeroen@example.nl');
    const r = await w.gql(CONNECTIONS, { id: w.ids.sanneAccount }, { token: fresh });
    expect(codeOf(r)).toBe('FORBIDDEN');
  });

  it('logs one CONNECTIONS_OPENED per request, however many aliases ask', async () => {
    const before = (await logOf(w, w.ids.sanneAccount)).length;
    await w.ok(
      `query($id: ID!) { a: account(id: $id) { connections { id } } b: account(id: $id) { connections { id } } }`,
      { id: w.ids.sanneAccount },
      { token: tokens.MANAGER },
    );
    const log = await logOf(w, w.ids.sanneAccount);
    expect(log.length).toBe(before + 1);
    expect(log.at(-1)).toMatchObject({ action: 'CONNECTIONS_OPENED', actorName: 'Sanne de Vries', basis: 'MANAGER' });
    expect(firstBrokenEntry(log)).toBeNull();
  });
});

describe('setConnectionLevel and removeConnection', () => {
  let w: DemoWorld;
  let tokens: Record<Who, string>;
  beforeEach(async () => {
    w = await startDemoWorld();
    tokens = await tokensByLevel(w);
  });
  afterEach(() => w.close());

  const expected: Record<Who, string | null> = { MANAGER: null, TRUST: 'FORBIDDEN', BASIC: 'FORBIDDEN', NONE: 'FORBIDDEN', OUTSIDER: 'NOT_FOUND' };

  it.each(LEVELS_AND_OUTSIDER)('%s: setConnectionLevel only by the manager', async (who) => {
    const pieter = await membershipOf(w, 'pieter@example.nl', w.ids.sanneAccount);
    const r = await w.gql(SET_LEVEL, { c: pieter.id, l: 'BASIC' }, { token: tokens[who] });
    expect(codeOf(r) ?? null).toBe(expected[who]);
    const after = await membershipOf(w, 'pieter@example.nl', w.ids.sanneAccount);
    expect(after.level).toBe(who === 'MANAGER' ? 'BASIC' : 'NONE');
  });

  it.each(LEVELS_AND_OUTSIDER)('%s: removeConnection only by the manager', async (who) => {
    const pieter = await membershipOf(w, 'pieter@example.nl', w.ids.sanneAccount);
    const r = await w.gql(REMOVE, { c: pieter.id }, { token: tokens[who] });
    expect(codeOf(r) ?? null).toBe(expected[who]);
    const pieterSees = await w.gql(MY_ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens.NONE });
    expect(codeOf(pieterSees) ?? null).toBe(who === 'MANAGER' ? 'NOT_FOUND' : null);
  });

  it('needs a step-up for the manager too', async () => {
    const fresh = await w.signIn('sanne@example.nl');
    const pieter = await membershipOf(w, 'pieter@example.nl', w.ids.sanneAccount);
    expect(codeOf(await w.gql(SET_LEVEL, { c: pieter.id, l: 'BASIC' }, { token: fresh }))).toBe('STEP_UP_REQUIRED');
    expect(codeOf(await w.gql(REMOVE, { c: pieter.id }, { token: fresh }))).toBe('STEP_UP_REQUIRED');
  });

  it('answers NOT_FOUND for an unknown connection id', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(codeOf(await w.gql(SET_LEVEL, { c: id, l: 'BASIC' }, { token: tokens.MANAGER }))).toBe('NOT_FOUND');
    expect(codeOf(await w.gql(REMOVE, { c: id }, { token: tokens.MANAGER }))).toBe('NOT_FOUND');
  });

  it('refuses MANAGER as a level, and the manager changing or removing themself', async () => {
    const fatima = await membershipOf(w, 'fatima@example.nl', w.ids.sanneAccount);
    const own = await membershipOf(w, 'sanne@example.nl', w.ids.sanneAccount);
    const asManager = await w.gql(SET_LEVEL, { c: fatima.id, l: 'MANAGER' }, { token: tokens.MANAGER });
    expect([codeOf(asManager), reasonOf(asManager)]).toEqual(['BAD_USER_INPUT', 'INVALID_LEVEL']);
    const lowerSelf = await w.gql(SET_LEVEL, { c: own.id, l: 'TRUST' }, { token: tokens.MANAGER });
    expect([codeOf(lowerSelf), reasonOf(lowerSelf)]).toEqual(['BAD_USER_INPUT', 'CANNOT_CHANGE_MANAGER']);
    const removeSelf = await w.gql(REMOVE, { c: own.id }, { token: tokens.MANAGER });
    expect([codeOf(removeSelf), reasonOf(removeSelf)]).toEqual(['BAD_USER_INPUT', 'CANNOT_REMOVE_MANAGER']);
    expect((await membershipOf(w, 'sanne@example.nl', w.ids.sanneAccount)).level).toBe('MANAGER');
    expect((await membershipOf(w, 'fatima@example.nl', w.ids.sanneAccount)).level).toBe('BASIC');
  });

  it('raises a helper: holds from their next request, logged, and the helper is e-mailed', async () => {
    const fatima = await membershipOf(w, 'fatima@example.nl', w.ids.sanneAccount);
    const before = await w.ok(MY_ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens.BASIC });
    expect(before.account.myRights).not.toContain('VIEW_DOSSIER');
    const data = await w.ok(SET_LEVEL, { c: fatima.id, l: 'TRUST' }, { token: tokens.MANAGER });
    expect(data.setConnectionLevel).toEqual({ id: fatima.id, level: 'TRUST', person: { name: 'Fatima El Amrani' } });
    const after = await w.ok(MY_ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens.BASIC });
    expect(after.account).toMatchObject({ myLevel: 'TRUST' });
    expect(after.account.myRights).toContain('VIEW_DOSSIER');
    const log = await logOf(w, w.ids.sanneAccount);
    expect(log.at(-1)).toMatchObject({ action: 'LEVEL_CHANGED', detail: 'Fatima El Amrani: BASIC → TRUST', basis: 'MANAGER', actorName: 'Sanne de Vries' });
    const mails = await w.outbox('connection-level-changed');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipient: 'fatima@example.nl' });
    expect(mails[0].text).toContain('Sanne de Vries');
    expect(mails[0].text).toContain('vertrouwensgroep');
  });

  it('lowering to NONE takes effect on the very next request (QUALITY.md 15)', async () => {
    const jeroen = await membershipOf(w, 'jeroen@example.nl', w.ids.sanneAccount);
    const before = await w.ok(MY_ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens.TRUST });
    expect(before.account.myRights).toContain('VIEW_CALENDAR');
    await w.ok(SET_LEVEL, { c: jeroen.id, l: 'NONE' }, { token: tokens.MANAGER });
    const after = await w.ok(MY_ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens.TRUST });
    expect(after.account).toEqual({ myLevel: 'NONE', myRights: [] });
  });

  it('setting the same level again changes nothing and sends nothing', async () => {
    const fatima = await membershipOf(w, 'fatima@example.nl', w.ids.sanneAccount);
    const before = (await logOf(w, w.ids.sanneAccount)).length;
    await w.ok(SET_LEVEL, { c: fatima.id, l: 'BASIC' }, { token: tokens.MANAGER });
    expect((await logOf(w, w.ids.sanneAccount)).length).toBe(before);
    expect(await w.outbox('connection-level-changed')).toHaveLength(0);
  });

  it('removing ends access on the next request, is logged, and the helper is e-mailed', async () => {
    const fatima = await membershipOf(w, 'fatima@example.nl', w.ids.sanneAccount);
    expect(await w.ok(REMOVE, { c: fatima.id }, { token: tokens.MANAGER })).toEqual({ removeConnection: true });
    expect(codeOf(await w.gql(MY_ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens.BASIC }))).toBe('NOT_FOUND');
    const accounts = await w.ok('{ viewer { accounts { account { id } } } }', {}, { token: tokens.BASIC });
    expect(accounts.viewer.accounts.map((a: { account: { id: string } }) => a.account.id)).not.toContain(w.ids.sanneAccount);
    const log = await logOf(w, w.ids.sanneAccount);
    expect(log.at(-1)).toMatchObject({ action: 'CONNECTION_REMOVED', detail: 'Fatima El Amrani (BASIC)', basis: 'MANAGER' });
    const mails = await w.outbox('connection-removed');
    expect(mails.map((m) => m.recipient)).toEqual(['fatima@example.nl']);
    const list = await w.ok(CONNECTIONS, { id: w.ids.sanneAccount }, { token: tokens.MANAGER });
    expect(list.account.connections).toHaveLength(2);
  });

  it("no id crosses accounts: Sanne cannot touch a connection of Bram's account (QUALITY.md 14)", async () => {
    const bram = await newPerson(w, 'Bram');
    const fatimaAtBram = await connect(w, bram.accountId, (await membershipOf(w, 'fatima@example.nl', w.ids.sanneAccount)).userId, 'BASIC');
    for (const [q, v] of [
      [SET_LEVEL, { c: fatimaAtBram.id, l: 'NONE' }],
      [REMOVE, { c: fatimaAtBram.id }],
    ] as const) {
      for (const who of ['MANAGER', 'TRUST', 'BASIC', 'NONE'] as const) {
        const r = await w.gql(q, v, { token: tokens[who] });
        // Fatima is connected to Bram's account but not as manager: FORBIDDEN; the others: NOT_FOUND.
        expect(codeOf(r)).toBe(who === 'BASIC' ? 'FORBIDDEN' : 'NOT_FOUND');
      }
    }
    const bramSees = await w.gql(CONNECTIONS, { id: w.ids.sanneAccount }, { token: bram.token });
    expect(codeOf(bramSees)).toBe('NOT_FOUND');
    const still = await w.db.manager.findOneByOrFail(MembershipEntity, { id: fatimaAtBram.id });
    expect(still.level).toBe('BASIC');
  });
});
