import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { DEMO_PASSWORD } from '../../seed/demo';
import { UserEntity } from '../accounts/user.entity';

// The suite shares a loaded machine; argon2 and image work take their time.
jest.setTimeout(60_000);

const SET = 'mutation($n: String!, $p: String) { setPhoneNumber(number: $n, currentPassword: $p) { masked verified hidden } }';
const SEND = 'mutation($t: String!) { sendPhoneVerificationCode(token: $t) }';
const CONFIRM = 'mutation($c: String!) { confirmPhoneNumber(code: $c) { masked verified hidden } }';
const HIDE = 'mutation($h: Boolean!) { setPhoneHidden(hidden: $h) { masked verified hidden } }';
const ME = '{ viewer { user { phone { masked verified hidden } } } }';
const err = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions ?? null;
const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
const MIN = 60_000;

describe('mobile number (QUALITY.md 10)', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());

  /** One second later each time, so that the outbox lists messages in the order they were made (MySQL too). */
  const okLater: DemoWorld['ok'] = (q, v, a) => {
    w.clock.advance(1000);
    return w.ok(q, v, a);
  };
  const lastLink = async () => tokenIn((await w.outbox('phone-verification-link')).at(-1)!.text);
  const lastCode = async () => /\b(\d{6})\b/.exec((await w.outbox('phone-verification-code')).at(-1)!.text)![1]!;

  it('adds a first number: e-mail with a "stuur code" link, SMS code, confirmed', async () => {
    const token = await w.signIn('fatima@example.nl');
    expect((await okLater(SET, { n: '06 12 34 56 79' }, { token })).setPhoneNumber).toEqual({ masked: '+31 6 ••• •• 79', verified: false, hidden: false });
    expect((await w.ok(ME, {}, { token })).viewer.user.phone).toEqual({ masked: '+31 6 ••• •• 79', verified: false, hidden: false });
    const mail = (await w.outbox('phone-verification-link')).at(-1)!;
    expect(mail.recipient).toBe('fatima@example.nl');
    expect(mail.text).toContain('Stuur code: http://localhost:3000/telefoon/bevestigen?token=');
    // The link works signed out.
    expect(await okLater(SEND, { t: await lastLink() })).toEqual({ sendPhoneVerificationCode: true });
    const sms = (await w.outbox('phone-verification-code')).at(-1)!;
    expect(sms.recipient).toBe('+31612345679');
    expect((await w.ok(CONFIRM, { c: await lastCode() }, { token })).confirmPhoneNumber).toEqual({ masked: '+31 6 ••• •• 79', verified: true, hidden: false });
    // Now the step-up can use it.
    expect(err(await w.gql('mutation { requestStepUpCode { sentTo } }', {}, { token }))).toBeNull();
    expect((await w.outbox('step-up-code')).at(-1)!.recipient).toBe('+31612345679');
  });

  it.each(['hallo', '020 123 4567', '06 123', ''])('refuses %j as INVALID_PHONE and changes nothing', async (n) => {
    const token = await w.signIn('pieter@example.nl');
    const before = await w.db.manager.findOneByOrFail(UserEntity, { email: 'pieter@example.nl' });
    expect(err(await w.gql(SET, { n }, { token }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PHONE', field: 'number' });
    expect(await w.db.manager.findOneByOrFail(UserEntity, { email: 'pieter@example.nl' })).toEqual(before);
  });

  it('replacing a verified number needs the password, keeps the old one until the code, and tells the e-mail address', async () => {
    w.clock.advance(25 * 60 * MIN);
    const token = await w.signIn('jeroen@example.nl');
    expect(err(await w.gql(SET, { n: '+31 6 11 22 33 44' }, { token }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_REQUIRED', field: 'currentPassword' });
    expect(err(await w.gql(SET, { n: '+31 6 11 22 33 44', p: 'fout-wachtwoord' }, { token }))).toMatchObject({ reason: 'WRONG_PASSWORD' });
    expect((await okLater(SET, { n: '0031 6 11 22 33 44', p: DEMO_PASSWORD }, { token })).setPhoneNumber).toEqual({ masked: '+31 6 ••• •• 44', verified: false, hidden: false });
    // The verified number stays in use meanwhile: step-up codes still go there.
    expect((await w.ok(ME, {}, { token })).viewer.user.phone).toEqual({ masked: '+31 6 ••• •• 21', verified: true, hidden: false });
    await w.ok('mutation { requestStepUpCode { sentTo } }', {}, { token });
    expect((await w.outbox('step-up-code')).at(-1)!.recipient).toBe('+31687654321');

    await okLater(SEND, { t: await lastLink() });
    expect((await w.outbox('phone-verification-code')).at(-1)!.recipient).toBe('+31611223344');
    await w.ok(CONFIRM, { c: await lastCode() }, { token });
    expect((await w.ok(ME, {}, { token })).viewer.user.phone).toEqual({ masked: '+31 6 ••• •• 44', verified: true, hidden: false });
    const notice = (await w.outbox('phone-changed')).at(-1)!;
    expect(notice.recipient).toBe('jeroen@example.nl');
    expect(notice.text).toContain('+31 6 ••• •• 21');
    expect(notice.text).not.toContain('87654321');
    const log = await w.ok('{ viewer { securityLog(first: 1) { nodes { action } } } }', {}, { token });
    expect(log.viewer.securityLog.nodes[0].action).toBe('PHONE_CHANGED');
  });

  it('a code for one number does not confirm another; an old link stops working', async () => {
    w.clock.advance(25 * 60 * MIN);
    const token = await w.signIn('pieter@example.nl');
    await okLater(SET, { n: '0612340001' }, { token });
    const firstLink = await lastLink();
    await okLater(SEND, { t: firstLink });
    const firstCode = await lastCode();
    await okLater(SET, { n: '0612340002' }, { token });
    expect(err(await w.gql(SEND, { t: firstLink }))?.reason).toBe('INVALID_TOKEN');
    expect(err(await w.gql(CONFIRM, { c: firstCode }, { token }))?.reason).toBe('CODE_EXPIRED');
    await okLater(SEND, { t: await lastLink() });
    expect((await w.ok(CONFIRM, { c: await lastCode() }, { token })).confirmPhoneNumber.masked).toBe('+31 6 ••• •• 02');
  });

  it('sends the confirmation code within the SMS limits', async () => {
    w.clock.advance(25 * 60 * MIN);
    const token = await w.signIn('pieter@example.nl');
    await okLater(SET, { n: '0612340003', p: DEMO_PASSWORD }, { token });
    const link = await lastLink();
    const answers: unknown[] = [];
    for (let i = 0; i < 4; i++) answers.push(err(await w.gql(SEND, { t: link }))?.code ?? null);
    expect(answers).toEqual([null, null, null, 'RATE_LIMITED']);
  });

  it('refuses a wrong code, counting it, and voids the code after 5', async () => {
    w.clock.advance(25 * 60 * MIN);
    const token = await w.signIn('sanne@example.nl');
    await okLater(SET, { n: '0612340004', p: DEMO_PASSWORD }, { token });
    await okLater(SEND, { t: await lastLink() });
    const code = await lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    const reasons: unknown[] = [];
    for (let i = 0; i < 5; i++) reasons.push(err(await w.gql(CONFIRM, { c: wrong }, { token }))?.reason);
    expect(reasons).toEqual(['WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'CODE_VOIDED']);
    expect(err(await w.gql(CONFIRM, { c: code }, { token }))?.reason).toBe('CODE_EXPIRED');
    expect((await w.ok(ME, {}, { token })).viewer.user.phone.masked).toBe('+31 6 ••• •• 78');
  });

  it('hides and shows the number to connections', async () => {
    const token = await w.signIn('sanne@example.nl');
    expect((await w.ok(HIDE, { h: true }, { token })).setPhoneHidden).toMatchObject({ hidden: true, verified: true });
    expect((await w.db.manager.findOneByOrFail(UserEntity, { email: 'sanne@example.nl' })).phoneHidden).toBe(true);
    expect((await w.ok(HIDE, { h: false }, { token })).setPhoneHidden.hidden).toBe(false);
  });

  it('answers NO_PHONE / NO_PENDING_PHONE without a number, and needs a session', async () => {
    await w.db.manager.update(UserEntity, { email: 'sanne@example.nl' }, { pendingPhoneE164: null });
    const sanne = await w.signIn('sanne@example.nl');
    expect(err(await w.gql(CONFIRM, { c: '123456' }, { token: sanne }))?.reason).toBe('NO_PENDING_PHONE');
    expect(err(await w.gql(SET, { n: '0612345678' }))?.code).toBe('UNAUTHENTICATED');
    expect(err(await w.gql(CONFIRM, { c: '123456' }))?.code).toBe('UNAUTHENTICATED');
    expect(err(await w.gql(HIDE, { h: true }))?.code).toBe('UNAUTHENTICATED');
    expect(err(await w.gql(SEND, { t: 'onzin' }))?.reason).toBe('INVALID_TOKEN');
  });
});
