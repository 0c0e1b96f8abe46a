import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { codeOf, newPerson, reasonOf, tokensByLevel, type Who } from '../../test/circle';
import { AccessLogEntity } from '../audit/access-log.entity';

const LEAVE = `mutation($a: ID!) { leaveAccount(accountId: $a) }`;
const MY_ACCOUNT = `query($id: ID!) { account(id: $id) { myLevel } }`;

describe('leaveAccount', () => {
  let w: DemoWorld;
  let tokens: Record<Who, string>;
  beforeEach(async () => {
    w = await startDemoWorld();
    tokens = await tokensByLevel(w);
  });
  afterEach(() => w.close());

  it.each([
    ['TRUST', 'jeroen@example.nl', 'Jeroen de Vries'],
    ['BASIC', 'fatima@example.nl', 'Fatima El Amrani'],
    ['NONE', 'pieter@example.nl', 'Pieter Jansen'],
  ] as const)('a %s helper leaves: gone on the next request, logged, the manager told', async (who, email, name) => {
    expect(await w.ok(LEAVE, { a: w.ids.sanneAccount }, { token: tokens[who] })).toEqual({ leaveAccount: true });
    expect(codeOf(await w.gql(MY_ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens[who] }))).toBe('NOT_FOUND');
    const last = await w.db.manager.find(AccessLogEntity, { where: { accountId: w.ids.sanneAccount }, order: { seq: 'DESC' }, take: 1 });
    expect(last[0]).toMatchObject({ action: 'CONNECTION_LEFT', actorName: name, detail: `${name} (${who})`, basis: who });
    const mails = await w.outbox('connection-left');
    expect(mails.map((m) => m.recipient)).toEqual(['sanne@example.nl']);
    expect(mails[0].text).toContain(`${name} heeft de kring van Sanne de Vries verlaten`);
    expect(mails[0].recipient).not.toBe(email);
  });

  it('the manager cannot leave their own account', async () => {
    const r = await w.gql(LEAVE, { a: w.ids.sanneAccount }, { token: tokens.MANAGER });
    expect([codeOf(r), reasonOf(r)]).toEqual(['BAD_USER_INPUT', 'MANAGER_CANNOT_LEAVE']);
    expect((await w.ok(MY_ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens.MANAGER })).account.myLevel).toBe('MANAGER');
  });

  it('someone with no connection gets NOT_FOUND, as for an unknown id; signed out gets UNAUTHENTICATED', async () => {
    expect(codeOf(await w.gql(LEAVE, { a: w.ids.sanneAccount }, { token: tokens.OUTSIDER }))).toBe('NOT_FOUND');
    expect(codeOf(await w.gql(LEAVE, { a: '00000000-0000-4000-8000-000000000000' }, { token: tokens.BASIC }))).toBe('NOT_FOUND');
    expect(codeOf(await w.gql(LEAVE, { a: w.ids.sanneAccount }))).toBe('UNAUTHENTICATED');
  });

  it("cannot make someone else leave: it only ever ends the viewer's own connection", async () => {
    const bram = await newPerson(w, 'Bram');
    expect(codeOf(await w.gql(LEAVE, { a: bram.accountId }, { token: tokens.BASIC }))).toBe('NOT_FOUND');
    await w.ok(LEAVE, { a: w.ids.sanneAccount }, { token: tokens.BASIC });
    expect((await w.ok(MY_ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens.TRUST })).account.myLevel).toBe('TRUST');
  });
});
