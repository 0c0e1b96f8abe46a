import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { DEMO_PASSWORD } from '../../seed/demo';
import { UserEntity } from '../accounts/user.entity';

// The suite shares a loaded machine; argon2 and image work take their time.
jest.setTimeout(60_000);

const UPDATE = 'mutation($i: ProfileInput!) { updateProfile(input: $i) { firstName lastName email pendingEmail locale emailVerified } }';
const CHANGE = 'mutation($c: String!, $n: String!, $r: String!) { changePassword(currentPassword: $c, newPassword: $n, newPasswordRepeat: $r) }';
const VERIFY = 'mutation($t: String!) { verifyEmail(token: $t) }';
const err = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions ?? null;
const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe('profile: names, language, e-mail', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());

  it('changes names and language, and the own account follows the name', async () => {
    const token = await w.signIn('pieter@example.nl');
    const data = await w.ok(UPDATE, { i: { firstName: '  Piet ', lastName: 'Jansen-de  Boer', locale: 'en' } }, { token });
    expect(data.updateProfile).toMatchObject({ firstName: 'Piet', lastName: 'Jansen-de Boer', locale: 'en' });
    const own = await w.ok('{ viewer { accounts { own account { displayName } } } }', {}, { token });
    expect(own.viewer.accounts.find((a: { own: boolean }) => a.own).account.displayName).toBe('Piet Jansen-de Boer');
  });

  it.each([
    [{ firstName: '   ' }, 'NAME_REQUIRED', 'firstName'],
    [{ lastName: 'x'.repeat(101) }, 'NAME_TOO_LONG', 'lastName'],
    [{ locale: 'de' }, 'INVALID_LOCALE', 'locale'],
    [{ email: 'geen-adres' }, 'INVALID_EMAIL', 'email'],
    [{ firstName: 'Goed', email: 'a@b' }, 'INVALID_EMAIL', 'email'],
  ])('refuses %j with %s and changes nothing', async (input, reason, field) => {
    const token = await w.signIn('fatima@example.nl');
    const before = await w.db.manager.findOneByOrFail(UserEntity, { email: 'fatima@example.nl' });
    expect(err(await w.gql(UPDATE, { i: input }, { token }))).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
    expect(await w.db.manager.findOneByOrFail(UserEntity, { email: 'fatima@example.nl' })).toEqual(before);
  });

  it('keeps a new address pending until its link is used, and tells the old address', async () => {
    const token = await w.signIn('jeroen@example.nl');
    const data = await w.ok(UPDATE, { i: { email: 'Jeroen.Nieuw@Example.nl' } }, { token });
    expect(data.updateProfile).toMatchObject({ email: 'jeroen@example.nl', pendingEmail: 'jeroen.nieuw@example.nl' });
    const confirm = (await w.outbox('change-email')).at(-1)!;
    expect(confirm.recipient).toBe('jeroen.nieuw@example.nl');
    expect(confirm.text).toContain('http://localhost:3000/e-mail/bevestigen?token=');
    const notice = (await w.outbox('email-change-notice')).at(-1)!;
    expect(notice.recipient).toBe('jeroen@example.nl');
    expect(notice.text).toContain('jeroen.nieuw@example.nl');
    // Still signs in with the old address until confirmed.
    await w.signIn('jeroen@example.nl');
    expect(await w.ok(VERIFY, { t: tokenIn(confirm.text) })).toEqual({ verifyEmail: true });
    const after = await w.ok('{ viewer { user { email pendingEmail emailVerified } securityLog(first: 5) { nodes { action } } } }', {}, { token });
    expect(after.viewer.user).toEqual({ email: 'jeroen.nieuw@example.nl', pendingEmail: null, emailVerified: true });
    expect(after.viewer.securityLog.nodes.map((n: { action: string }) => n.action)).toEqual(expect.arrayContaining(['EMAIL_CHANGED', 'EMAIL_CHANGE_REQUESTED']));
    await w.signIn('jeroen.nieuw@example.nl');
    expect(err(await w.gql(VERIFY, { t: tokenIn(confirm.text) }))?.reason).toBe('INVALID_TOKEN');
  });

  it('answers an address in use exactly like a free one, and e-mails nobody new', async () => {
    const token = await w.signIn('fatima@example.nl');
    const seen = new Set((await w.outbox()).map((x) => x.id));
    const newMails = async () => (await w.outbox()).filter((x) => !seen.has(x.id) && seen.add(x.id));
    const taken = await w.gql(UPDATE, { i: { email: 'sanne@example.nl' } }, { token });
    const mailsTaken = await newMails();
    const free = await w.gql(UPDATE, { i: { email: 'fatima.vrij@example.nl' } }, { token });
    const mailsFree = await newMails();
    expect(taken.status).toBe(free.status);
    expect(taken.errors).toBeUndefined();
    expect((taken.data as { updateProfile: { pendingEmail: string } }).updateProfile.pendingEmail).toBe('sanne@example.nl');
    expect(mailsTaken.map((x) => [x.kind, x.recipient])).toEqual([['email-change-notice', 'fatima@example.nl']]);
    expect(mailsFree.map((x) => [x.kind, x.recipient]).sort()).toEqual([
      ['change-email', 'fatima.vrij@example.nl'],
      ['email-change-notice', 'fatima@example.nl'],
    ]);
    // The earlier (taken) link no longer exists; only the newest request counts.
    expect(await w.outbox('change-email')).not.toContainEqual(expect.objectContaining({ recipient: 'sanne@example.nl' }));
  });

  it('needs a session', async () => {
    expect(err(await w.gql(UPDATE, { i: { firstName: 'X' } }))?.code).toBe('UNAUTHENTICATED');
  });
});

describe('changing the password', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());

  it.each([
    [DEMO_PASSWORD, 'een nieuw wachtwoord', 'een ander wachtwoord', 'PASSWORD_MISMATCH', 'newPasswordRepeat'],
    [DEMO_PASSWORD, 'kort', 'kort', 'TOO_SHORT', 'newPassword'],
    [DEMO_PASSWORD, 'Welkom01!', 'Welkom01!', 'TOO_COMMON', 'newPassword'],
    ['fout-wachtwoord', 'een nieuw wachtwoord', 'een nieuw wachtwoord', 'WRONG_PASSWORD', 'currentPassword'],
  ])('refuses (%s → %s / %s) with %s and changes nothing', async (c, n, r, reason, field) => {
    const token = await w.signIn('fatima@example.nl');
    expect(err(await w.gql(CHANGE, { c, n, r }, { token }))).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
    await w.signIn('fatima@example.nl', DEMO_PASSWORD);
  });

  it('changes it, ends the other sessions, keeps this one, mails and logs it', async () => {
    const other = await w.signIn('sanne@example.nl');
    const token = await w.signIn('sanne@example.nl');
    expect(await w.ok(CHANGE, { c: DEMO_PASSWORD, n: 'sannes nieuwe wachtwoord', r: 'sannes nieuwe wachtwoord' }, { token })).toEqual({ changePassword: true });
    expect((await w.ok('{ viewer { user { id } } }', {}, { token: other })).viewer).toBeNull();
    const me = await w.ok('{ viewer { securityLog(first: 1) { nodes { action } } } }', {}, { token });
    expect(me.viewer.securityLog.nodes[0].action).toBe('PASSWORD_CHANGED');
    expect((await w.outbox('password-changed')).at(-1)!.recipient).toBe('sanne@example.nl');
    await w.signIn('sanne@example.nl', 'sannes nieuwe wachtwoord');
  });

  it('throttles guessing the current password like a sign-in', async () => {
    const token = await w.signIn('pieter@example.nl');
    for (let i = 0; i < 5; i++) expect(err(await w.gql(CHANGE, { c: `gok-${i}`, n: 'een nieuw wachtwoord', r: 'een nieuw wachtwoord' }, { token }))?.reason).toBe('WRONG_PASSWORD');
    expect(err(await w.gql(CHANGE, { c: DEMO_PASSWORD, n: 'een nieuw wachtwoord', r: 'een nieuw wachtwoord' }, { token }))?.code).toBe('RATE_LIMITED');
  });
});
