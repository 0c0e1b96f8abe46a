import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { codeOf, tokensByLevel, type Who } from '../../test/extra';
import { MembershipEntity } from '../accounts/account.entity';
import { UserEntity } from '../accounts/user.entity';
import { collectEvents, purgeProcessedEvents, sendDigests, BUNDLE_MS } from './notify';
import { NotificationEventEntity } from './notification.entity';
import { preferencesFor } from './preferences';

const PREFS = `query($id: ID!) { account(id: $id) { notificationPreferences { appointmentStarting appointmentLeadMinutes newMessage carePlanChanged } } }`;
const UPDATE = `mutation($a: ID!, $i: NotificationPreferencesInput!) { updateNotificationPreferences(accountId: $a, input: $i) {
  appointmentStarting appointmentLeadMinutes newMessage carePlanChanged } }`;
const POST = `mutation($a: ID!, $aud: Audience!, $b: String!) { postMessage(accountId: $a, audience: $aud, body: $b) { id } }`;
const DEFAULTS = { appointmentStarting: true, appointmentLeadMinutes: 60, newMessage: true, carePlanChanged: true };

describe('notification preferences', () => {
  let w: DemoWorld;
  let t: Record<Who, string>;
  beforeAll(async () => {
    w = await startDemoWorld();
    t = await tokensByLevel(w);
  });
  afterAll(() => w.close());

  // Everyone connected has their own choices (NONE included: they are the viewer's, not the account's).
  const table: [Who, boolean][] = [
    ['MANAGER', true],
    ['TRUST', true],
    ['BASIC', true],
    ['NONE', true],
    ['OUTSIDER', false],
  ];

  it.each(table)('%s reads and changes their own choices: %s', async (who, allowed) => {
    const read = await w.gql(PREFS, { id: w.ids.sanneAccount }, { token: t[who] });
    const upd = await w.gql(UPDATE, { a: w.ids.sanneAccount, i: { newMessage: false, appointmentLeadMinutes: 30 } }, { token: t[who] });
    if (!allowed) {
      expect(codeOf(read)).toBe('NOT_FOUND');
      expect(codeOf(upd)).toBe('NOT_FOUND');
      return;
    }
    expect(read.data.account.notificationPreferences).toEqual(DEFAULTS);
    expect(upd.data.updateNotificationPreferences).toEqual({ ...DEFAULTS, newMessage: false, appointmentLeadMinutes: 30 });
    const again = await w.ok(PREFS, { id: w.ids.sanneAccount }, { token: t[who] });
    expect(again.account.notificationPreferences).toEqual({ ...DEFAULTS, newMessage: false, appointmentLeadMinutes: 30 });
  });

  it('keeps choices per account: Jeroen’s own account is untouched', async () => {
    const me = await w.ok('{ viewer { accounts { own account { id notificationPreferences { newMessage } } } } }', {}, { token: t.TRUST });
    const own = me.viewer.accounts.find((a: { own: boolean }) => a.own);
    expect(own.account.notificationPreferences.newMessage).toBe(true);
  });

  it.each([4, 1441, 0, -60])('refuses a lead time of %i minutes', async (minutes) => {
    const r = await w.gql(UPDATE, { a: w.ids.sanneAccount, i: { appointmentLeadMinutes: minutes } }, { token: t.BASIC });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'appointmentLeadMinutes' });
  });

  it('accepts 5 and 1440 minutes', async () => {
    for (const minutes of [5, 1440]) {
      const r = await w.ok(UPDATE, { a: w.ids.sanneAccount, i: { appointmentLeadMinutes: minutes } }, { token: t.BASIC });
      expect(r.updateNotificationPreferences.appointmentLeadMinutes).toBe(minutes);
    }
  });

  it('preferencesFor gives the defaults and the saved choices in one go', async () => {
    const users = await w.db.manager.findBy(MembershipEntity, { accountId: w.ids.sanneAccount });
    const stranger = '00000000-0000-0000-0000-000000000001';
    const prefs = await preferencesFor(w.db.manager, [...users.map((u) => u.userId), stranger], w.ids.sanneAccount);
    expect(prefs.get(stranger)).toEqual(DEFAULTS);
    const basic = users.find((u) => u.level === 'BASIC')!;
    expect(prefs.get(basic.userId)).toMatchObject({ newMessage: false, appointmentLeadMinutes: 1440 });
  });
});

describe('new-message and care-plan e-mails', () => {
  let w: DemoWorld;
  const run = async () => {
    await collectEvents(w.app.services);
    return sendDigests(w.app.services);
  };
  const post = (token: string, audience: string, body: string) => w.ok(POST, { a: w.ids.sanneAccount, aud: audience, b: body }, { token });
  const mails = async (kind: string) => (await w.outbox(kind)).map((r) => ({ to: r.recipient, subject: r.subject, text: r.text, html: r.html }));

  beforeEach(async () => {
    w = await startDemoWorld();
  });
  afterEach(() => w.close());

  it('tells the others who may read it, once each, without the message text', async () => {
    await post(w.tokens.fatima, 'ALL_CONNECTIONS', 'Ik neem morgen de boodschappen mee');
    expect(await run()).toBe(2);
    const sent = await mails('new-messages');
    expect(sent.map((m) => m.to).sort()).toEqual(['jeroen@example.nl', 'sanne@example.nl']);
    for (const m of sent) {
      expect(m.subject).toBe('Nieuw bericht voor Sanne de Vries');
      expect(m.text).not.toContain('boodschappen');
      expect(m.html).not.toContain('boodschappen');
      expect(m.text).toContain(`${w.env.PUBLIC_WEB_URL}/berichten`);
    }
    expect(await run()).toBe(0);
  });

  it('never tells a BASIC or NONE connection about a trust-group message', async () => {
    await post(w.tokens.jeroen, 'TRUST_GROUP', 'Alleen voor de vertrouwensgroep');
    await run();
    expect((await mails('new-messages')).map((m) => m.to)).toEqual(['sanne@example.nl']);
  });

  it('bundles: at most one e-mail per person and account per 10 minutes', async () => {
    await post(w.tokens.fatima, 'ALL_CONNECTIONS', 'een');
    await run();
    for (const body of ['twee', 'drie', 'vier']) {
      w.clock.advance(60_000);
      await post(w.tokens.fatima, 'ALL_CONNECTIONS', body);
      await run();
    }
    w.clock.advance(60_000);
    await post(w.tokens.jeroen, 'TRUST_GROUP', 'vijf');
    await run();
    expect((await mails('new-messages')).filter((m) => m.to === 'sanne@example.nl')).toHaveLength(1);
    w.clock.advance(BUNDLE_MS - 4 * 60_000 - 1);
    await run();
    expect((await mails('new-messages')).filter((m) => m.to === 'sanne@example.nl')).toHaveLength(1);
    w.clock.advance(1);
    await run();
    const sanne = (await mails('new-messages')).filter((m) => m.to === 'sanne@example.nl');
    expect(sanne.map((m) => m.subject)).toEqual(['Nieuw bericht voor Sanne de Vries', '4 nieuwe berichten voor Sanne de Vries']);
    const jeroen = (await mails('new-messages')).filter((m) => m.to === 'jeroen@example.nl');
    expect(jeroen.map((m) => m.subject)).toEqual(['Nieuw bericht voor Sanne de Vries', '3 nieuwe berichten voor Sanne de Vries']);
    expect((await mails('new-messages')).filter((m) => m.to === 'fatima@example.nl').map((m) => m.subject)).toEqual([]);
  });

  it('sends nothing to someone who turned new-message e-mails off', async () => {
    await w.ok(UPDATE, { a: w.ids.sanneAccount, i: { newMessage: false } }, { token: w.tokens.jeroen });
    await post(w.tokens.fatima, 'ALL_CONNECTIONS', 'hallo');
    await run();
    expect((await mails('new-messages')).map((m) => m.to)).toEqual(['sanne@example.nl']);
  });

  it('respects a level lowered before the bundled e-mail goes', async () => {
    await post(w.tokens.fatima, 'ALL_CONNECTIONS', 'een');
    await run();
    await post(w.tokens.sanne, 'TRUST_GROUP', 'vertrouwelijk');
    await run();
    await w.db.manager.update(MembershipEntity, { accountId: w.ids.sanneAccount, userId: (await w.db.manager.findOneByOrFail(UserEntity, { firstName: 'Jeroen' })).id }, { level: 'BASIC' });
    w.clock.advance(BUNDLE_MS);
    await run();
    expect((await mails('new-messages')).filter((m) => m.to === 'jeroen@example.nl')).toHaveLength(1);
  });

  it('writes in the recipient’s language', async () => {
    await w.db.manager.update(UserEntity, { email: 'jeroen@example.nl' }, { locale: 'en' });
    await post(w.tokens.fatima, 'ALL_CONNECTIONS', 'hallo');
    await run();
    const jeroen = (await mails('new-messages')).find((m) => m.to === 'jeroen@example.nl');
    expect(jeroen?.subject).toBe('New message for Sanne de Vries');
  });

  it('forgets processed events after a day', async () => {
    await post(w.tokens.fatima, 'ALL_CONNECTIONS', 'hallo');
    await run();
    w.clock.advance(24 * 3600_000 + 1);
    await purgeProcessedEvents(w.app.services);
    expect(await w.db.manager.count(NotificationEventEntity)).toBe(0);
  });

  it('two workers racing send each person one e-mail', async () => {
    for (const body of ['een', 'twee', 'drie']) await post(w.tokens.fatima, 'ALL_CONNECTIONS', body);
    // A worker that loses a race on a new digest row rolls back and counts again next time.
    await Promise.allSettled([run(), run(), run()]);
    await Promise.allSettled([run(), run()]);
    await run();
    const sent = await mails('new-messages');
    expect(sent.map((m) => m.to).sort()).toEqual(['jeroen@example.nl', 'sanne@example.nl']);
    expect(sent[0]?.subject).toBe('3 nieuwe berichten voor Sanne de Vries');
  });
});
