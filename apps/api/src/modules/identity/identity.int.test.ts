import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { DEMO_PASSWORD } from '../../seed/demo';
import { UserEntity } from '../accounts/user.entity';
import { createUserWithAccount } from '../accounts/user.service';
import { IdentityTokenEntity } from './identity-token.entity';
import { sendEmailVerification } from './identity.service';

// The suite shares a loaded machine; argon2 and image work take their time.
jest.setTimeout(60_000);

const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const VERIFY = 'mutation($t: String!) { verifyEmail(token: $t) }';
const err = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions ?? null;
const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe('password reset (QUALITY.md 3, 5)', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());

  async function resetLinkFor(email: string): Promise<string> {
    // One second apart, so that the outbox lists the links in the order they were made (MySQL too).
    w.clock.advance(1000);
    expect((await w.ok(REQUEST, { e: email })).requestPasswordReset).toBe(true);
    const mails = (await w.outbox('password-reset')).filter((x) => x.recipient === email);
    return tokenIn(mails[mails.length - 1]!.text);
  }

  it('answers a known and an unknown address alike, and mails only the known one', async () => {
    const before = (await w.outbox()).length;
    const known = await w.gql(REQUEST, { e: 'Jeroen@Example.nl ' });
    const unknown = await w.gql(REQUEST, { e: 'niemand@example.nl' });
    expect({ ...unknown }).toEqual({ ...known });
    expect(known.data).toEqual({ requestPasswordReset: true });
    const mails = (await w.outbox()).slice(before);
    expect(mails.map((x) => [x.kind, x.recipient])).toEqual([['password-reset', 'jeroen@example.nl']]);
    expect(mails[0]!.text).toContain('http://localhost:3000/wachtwoord-herstellen?token=');
    expect(mails[0]!.text).toContain('1 uur');
  });

  it('uses a token of at least 128 bits, stored only as a hash', async () => {
    const token = await resetLinkFor('jeroen@example.nl');
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const rows = await w.db.manager.find(IdentityTokenEntity);
    for (const row of rows) expect(JSON.stringify(row)).not.toContain(token);
  });

  it('sets the new password once, ends every session, mails the user, and opens no step-up', async () => {
    w.clock.advance(2 * 3600_000);
    const sessions = [await w.signIn('sanne@example.nl'), await w.signIn('sanne@example.nl')];
    const token = await resetLinkFor('sanne@example.nl');
    const before = (await w.outbox('password-changed')).length;
    expect(await w.ok(RESET, { t: token, p: 'een heel nieuw wachtwoord' })).toEqual({ resetPassword: true });
    for (const t of sessions) expect((await w.ok('{ viewer { user { id } } }', {}, { token: t })).viewer).toBeNull();
    const changed = await w.outbox('password-changed');
    expect(changed).toHaveLength(before + 1);
    expect(changed[changed.length - 1]!.recipient).toBe('sanne@example.nl');
    // Single use.
    expect(err(await w.gql(RESET, { t: token, p: 'nog een ander wachtwoord' }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TOKEN' });
    // The old password is gone, the new one works, and the new session still needs an SMS code.
    expect(err(await w.gql('mutation { signIn(email: "sanne@example.nl", password: "welkom-bij-kring") { token } }'))?.code).toBe('UNAUTHENTICATED');
    const fresh = await w.signIn('sanne@example.nl', 'een heel nieuw wachtwoord');
    const v = await w.ok('{ viewer { stepUpValidUntil securityLog(first: 2) { nodes { action } } } }', {}, { token: fresh });
    expect(v.viewer.stepUpValidUntil).toBeNull();
    expect(v.viewer.securityLog.nodes.map((n: { action: string }) => n.action)).toContain('PASSWORD_RESET');
  });

  it('refuses a link older than an hour', async () => {
    w.clock.advance(2 * 3600_000);
    const token = await resetLinkFor('pieter@example.nl');
    w.clock.advance(3600_000 + 1000);
    expect(err(await w.gql(RESET, { t: token, p: 'een heel nieuw wachtwoord' }))?.reason).toBe('INVALID_TOKEN');
    await w.signIn('pieter@example.nl', DEMO_PASSWORD);
  });

  it('keeps only the newest link working', async () => {
    w.clock.advance(2 * 3600_000);
    const first = await resetLinkFor('pieter@example.nl');
    const second = await resetLinkFor('pieter@example.nl');
    expect(err(await w.gql(RESET, { t: first, p: 'een heel nieuw wachtwoord' }))?.reason).toBe('INVALID_TOKEN');
    expect(err(await w.gql(RESET, { t: second, p: 'pieters nieuwe wachtwoord' }))).toBeNull();
    await w.signIn('pieter@example.nl', 'pieters nieuwe wachtwoord');
  });

  it.each([
    ['kort', 'TOO_SHORT'],
    ['Welkom01!', 'TOO_COMMON'],
    ['a'.repeat(129), 'TOO_LONG'],
  ])('refuses the password %j (%s) and changes nothing', async (password, reason) => {
    w.clock.advance(2 * 3600_000);
    const token = await resetLinkFor('fatima@example.nl');
    const before = await w.db.manager.findOneByOrFail(UserEntity, { email: 'fatima@example.nl' });
    expect(err(await w.gql(RESET, { t: token, p: password }))).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'newPassword' });
    expect((await w.db.manager.findOneByOrFail(UserEntity, { email: 'fatima@example.nl' })).passwordHash).toBe(before.passwordHash);
    // The link still works for a good password.
    expect(err(await w.gql(RESET, { t: token, p: DEMO_PASSWORD + '!' }))).toBeNull();
    await w.db.manager.update(UserEntity, { id: before.id }, { passwordHash: before.passwordHash });
  });

  it('takes a 64-character Unicode password whole: a prefix of it does not sign in', async () => {
    w.clock.advance(2 * 3600_000);
    const long = 'ëñ漢字🙂'.repeat(13).slice(0, 64 + 13); // 65 code points incl. surrogate pairs
    const password = [...long].slice(0, 64).join('');
    expect([...password]).toHaveLength(64);
    const token = await resetLinkFor('jeroen@example.nl');
    expect(err(await w.gql(RESET, { t: token, p: password }))).toBeNull();
    await w.signIn('jeroen@example.nl', password);
    const prefix = [...password].slice(0, 63).join('');
    expect(err(await w.gql('mutation($p: String!) { signIn(email: "jeroen@example.nl", password: $p) { token } }', { p: prefix }))?.code).toBe('UNAUTHENTICATED');
  });

  it('mails at most 3 links an hour to one address, answering true all the same', async () => {
    w.clock.advance(2 * 3600_000);
    const before = (await w.outbox('password-reset')).length;
    for (let i = 0; i < 5; i++) expect((await w.ok(REQUEST, { e: 'fatima@example.nl' })).requestPasswordReset).toBe(true);
    expect(await w.outbox('password-reset')).toHaveLength(before + 3);
  });
});

describe('e-mail verification', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());

  it('confirms a new login\'s address with the link that sendEmailVerification mails, once', async () => {
    const user = await w.db.tx(async (m) => {
      const { user } = await createUserWithAccount(m, w.clock.now(), { email: 'nieuw@example.nl', firstName: 'Nina', lastName: 'Nieuw', passwordHash: 'x', locale: 'en' });
      await sendEmailVerification(m, w.clock.now(), w.env, user);
      return user;
    });
    const mail = (await w.outbox('verify-email')).find((x) => x.recipient === 'nieuw@example.nl')!;
    expect(mail.subject).toBe('Confirm your e-mail address for Kring');
    expect(mail.text).toContain('http://localhost:3000/e-mail/bevestigen?token=');
    const token = tokenIn(mail.text);
    expect(await w.ok(VERIFY, { t: token })).toEqual({ verifyEmail: true });
    expect((await w.db.manager.findOneByOrFail(UserEntity, { id: user.id })).emailVerifiedAt).not.toBeNull();
    expect(err(await w.gql(VERIFY, { t: token }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TOKEN' });
  });

  it('refuses an unknown, malformed or reset token', async () => {
    expect(err(await w.gql(VERIFY, { t: 'onzin' }))?.reason).toBe('INVALID_TOKEN');
    expect(err(await w.gql(VERIFY, { t: '' }))?.reason).toBe('INVALID_TOKEN');
    await w.ok(REQUEST, { e: 'pieter@example.nl' });
    const reset = tokenIn((await w.outbox('password-reset')).at(-1)!.text);
    expect(err(await w.gql(VERIFY, { t: reset }))?.reason).toBe('INVALID_TOKEN');
  });
});
