import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { SmsCodeEntity } from './sms-code.entity';
import { UserEntity } from '../accounts/user.entity';

// The suite shares a loaded machine; argon2 and image work take their time.
jest.setTimeout(60_000);

const MIN = 60_000;
const REQUEST = 'mutation { requestStepUpCode { sentTo expiresAt } }';
const VERIFY = 'mutation($c: String!) { verifyStepUpCode(code: $c) { stepUpValidUntil } }';
const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code ?? null;
const reasonOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.reason ?? null;

describe('SMS step-up (QUALITY.md 6–9)', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());

  /** A new day (all send limits and locks passed) and a new session for Sanne. */
  async function freshSanne(): Promise<string> {
    w.clock.advance(25 * 60 * MIN);
    return w.signIn('sanne@example.nl');
  }
  async function lastCode(): Promise<string> {
    const sms = await w.outbox('step-up-code');
    return /\b(\d{6})\b/.exec(sms[sms.length - 1]!.text)![1]!;
  }

  it('texts a 6-digit code to the verified number, valid 10 minutes, and opens the step-up', async () => {
    const token = await freshSanne();
    const before = (await w.outbox('step-up-code')).length;
    const challenge = await w.ok(REQUEST, {}, { token });
    expect(challenge.requestStepUpCode.sentTo).toBe('+31 6 ••• •• 78');
    expect(new Date(challenge.requestStepUpCode.expiresAt).getTime()).toBe(w.clock.now().getTime() + 10 * MIN);
    const sms = await w.outbox('step-up-code');
    expect(sms).toHaveLength(before + 1);
    expect(sms[sms.length - 1]!.recipient).toBe('+31612345678');
    expect(sms[sms.length - 1]!.text).toMatch(/^Je Kring-code is \d{6}\. Deze code is 10 minuten geldig\./);

    const code = await lastCode();
    w.clock.advance(1000);
    expect((await w.ok('{ viewer { stepUpValidUntil } }', {}, { token })).viewer.stepUpValidUntil).toBeNull();
    const data = await w.ok(VERIFY, { c: code }, { token });
    expect(new Date(data.verifyStepUpCode.stepUpValidUntil).getTime()).toBe(w.clock.now().getTime() + 15 * MIN);
    // Kept on the session, server-side: the next request sees it too.
    expect((await w.ok('{ viewer { stepUpValidUntil } }', {}, { token })).viewer.stepUpValidUntil).not.toBeNull();
    const log = await w.ok('{ viewer { securityLog(first: 1) { nodes { action } } } }', {}, { token });
    expect(log.viewer.securityLog.nodes[0].action).toBe('STEP_UP_VERIFIED');
  });

  it('stores only a hash of the code', async () => {
    const token = await freshSanne();
    await w.ok(REQUEST, {}, { token });
    const code = await lastCode();
    const rows = await w.db.manager.find(SmsCodeEntity);
    for (const row of rows) expect(JSON.stringify(row)).not.toContain(code);
  });

  it('refuses a code used before', async () => {
    const token = await freshSanne();
    await w.ok(REQUEST, {}, { token });
    const code = await lastCode();
    await w.ok(VERIFY, { c: code }, { token });
    const again = await w.gql(VERIFY, { c: code }, { token });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(reasonOf(again)).toBe('CODE_EXPIRED');
  });

  it('refuses a code after 10 minutes (10:01)', async () => {
    const token = await freshSanne();
    await w.ok(REQUEST, {}, { token });
    const code = await lastCode();
    w.clock.advance(10 * MIN + 1000);
    const late = await w.gql(VERIFY, { c: code }, { token });
    expect(reasonOf(late)).toBe('CODE_EXPIRED');
    expect((await w.ok('{ viewer { stepUpValidUntil } }', {}, { token })).viewer.stepUpValidUntil).toBeNull();
  });

  it('accepts a code at 9:59', async () => {
    const token = await freshSanne();
    await w.ok(REQUEST, {}, { token });
    const code = await lastCode();
    w.clock.advance(10 * MIN - 1000);
    expect(codeOf(await w.gql(VERIFY, { c: code }, { token }))).toBeNull();
  });

  it('binds the code to the session that asked for it', async () => {
    const a = await freshSanne();
    const b = await w.signIn('sanne@example.nl');
    await w.ok(REQUEST, {}, { token: a });
    const code = await lastCode();
    const inB = await w.gql(VERIFY, { c: code }, { token: b });
    expect(reasonOf(inB)).toBe('CODE_EXPIRED');
    expect((await w.ok('{ viewer { stepUpValidUntil } }', {}, { token: b })).viewer.stepUpValidUntil).toBeNull();
    // Still good in A.
    expect(codeOf(await w.gql(VERIFY, { c: code }, { token: a }))).toBeNull();
  });

  it('binds the code to the user: another user cannot use it', async () => {
    const sanne = await freshSanne();
    const jeroen = await w.signIn('jeroen@example.nl');
    await w.ok(REQUEST, {}, { token: sanne });
    const code = await lastCode();
    expect(reasonOf(await w.gql(VERIFY, { c: code }, { token: jeroen }))).toBe('CODE_EXPIRED');
  });

  it('refuses the 4th text within 10 minutes, saying when to try again', async () => {
    const token = await freshSanne();
    const before = (await w.outbox('step-up-code')).length;
    for (let i = 0; i < 3; i++) {
      await w.ok(REQUEST, {}, { token });
      w.clock.advance(MIN);
    }
    const fourth = await w.gql(REQUEST, {}, { token });
    expect(codeOf(fourth)).toBe('RATE_LIMITED');
    expect(fourth.errors![0]!.extensions!.retryAfterSeconds).toBe(7 * 60);
    expect(await w.outbox('step-up-code')).toHaveLength(before + 3);
    // The earlier codes are void: only the newest counts.
    w.clock.advance(7 * MIN);
    expect(codeOf(await w.gql(REQUEST, {}, { token }))).toBeNull();
  });

  it('allows at most 10 texts a day', async () => {
    const token = await freshSanne();
    let sent = 0;
    for (let i = 0; i < 12; i++) {
      if (!codeOf(await w.gql(REQUEST, {}, { token }))) sent++;
      w.clock.advance(11 * MIN);
    }
    expect(sent).toBe(10);
  });

  it('caps the texts to one number, whoever asks (SMS pumping)', async () => {
    w.clock.advance(25 * 60 * MIN);
    // Jeroen and a second login both on the same number.
    await w.db.manager.update(UserEntity, { email: 'fatima@example.nl' }, { phoneE164: '+31687654321', phoneVerifiedAt: w.clock.now() });
    const jeroen = await w.signIn('jeroen@example.nl');
    const fatima = await w.signIn('fatima@example.nl');
    const results: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      results.push((codeOf(await w.gql(REQUEST, {}, { token: i % 2 ? jeroen : fatima })) as string | null));
      w.clock.advance(MIN);
    }
    expect(results).toEqual([null, null, null, null, null, 'RATE_LIMITED']);
    await w.db.manager.update(UserEntity, { email: 'fatima@example.nl' }, { phoneE164: null, phoneVerifiedAt: null });
  });

  it('voids a code after 5 wrong entries', async () => {
    const token = await freshSanne();
    await w.ok(REQUEST, {}, { token });
    const code = await lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    const reasons: unknown[] = [];
    for (let i = 0; i < 5; i++) reasons.push(reasonOf(await w.gql(VERIFY, { c: wrong }, { token })));
    expect(reasons).toEqual(['WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'CODE_VOIDED']);
    expect(reasonOf(await w.gql(VERIFY, { c: code }, { token }))).toBe('CODE_EXPIRED');
  });

  it('locks code entry for 15 minutes after 10 wrong in a row, even for the right code', async () => {
    const token = await freshSanne();
    const wrongAll = async (n: number) => {
      for (let i = 0; i < n; i++) await w.gql(VERIFY, { c: 'abcdef' }, { token });
    };
    await w.ok(REQUEST, {}, { token });
    await wrongAll(5);
    w.clock.advance(1000);
    await w.ok(REQUEST, {}, { token });
    await wrongAll(4);
    w.clock.advance(1000);
    await w.ok(REQUEST, {}, { token });
    const code = await lastCode();
    const tenth = await w.gql(VERIFY, { c: '99999x' }, { token });
    expect(codeOf(tenth)).toBe('RATE_LIMITED');
    expect(tenth.errors![0]!.extensions!.retryAfterSeconds).toBe(15 * 60);
    expect(codeOf(await w.gql(VERIFY, { c: code }, { token }))).toBe('RATE_LIMITED');
    // No new code while locked either.
    w.clock.advance(14 * MIN);
    expect(codeOf(await w.gql(REQUEST, {}, { token }))).toBe('RATE_LIMITED');
    w.clock.advance(MIN + 1000);
    await w.ok(REQUEST, {}, { token });
    expect(codeOf(await w.gql(VERIFY, { c: await lastCode() }, { token }))).toBeNull();
  });

  it('counts every aliased field that runs as an attempt: 12 aliases cannot get past the limits', async () => {
    const token = await freshSanne();
    await w.ok(REQUEST, {}, { token });
    const code = await lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    const fields = Array.from({ length: 12 }, (_, i) => `a${i}: verifyStepUpCode(code: "${i === 11 ? code : wrong}") { stepUpValidUntil }`);
    const op = `mutation { ${fields.join('\n')} }`;
    const first = await w.gql(op, {}, { token });
    // Mutation fields run one after another; the first refusal ends the operation, so the right
    // code in the 12th alias is never tried.
    expect(first.errors!.map((e) => e.extensions!.reason)).toEqual(['WRONG_CODE']);
    expect((await w.db.manager.find(SmsCodeEntity, { order: { createdAt: 'DESC' }, take: 1 }))[0]!.wrongAttempts).toBe(1);
    // Each operation counted: 4 more void the code, 5 more lock code entry (10 in a row).
    const answers: unknown[] = [];
    for (let i = 0; i < 8; i++) answers.push((await w.gql(op, {}, { token })).errors![0]!.extensions!.reason);
    expect(answers.slice(0, 4)).toEqual(['WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'CODE_VOIDED']);
    expect(codeOf(await w.gql(op, {}, { token }))).toBe('RATE_LIMITED');
    expect((await w.ok('{ viewer { stepUpValidUntil } }', {}, { token })).viewer.stepUpValidUntil).toBeNull();
  });

  it('counts parallel attempts one by one: 8 at once cannot spend the same attempt twice', async () => {
    const token = await freshSanne();
    await w.ok(REQUEST, {}, { token });
    const code = await lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = await Promise.all(Array.from({ length: 8 }, () => w.gql(VERIFY, { c: wrong }, { token })));
    const reasons = answers.map((r) => reasonOf(r)).sort();
    expect(reasons).toEqual(['CODE_EXPIRED', 'CODE_EXPIRED', 'CODE_EXPIRED', 'CODE_VOIDED', 'WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE']);
    expect((await w.db.manager.find(SmsCodeEntity, { order: { createdAt: 'DESC' }, take: 1 }))[0]!.wrongAttempts).toBe(5);
  });

  it('answers PHONE_REQUIRED without a verified number', async () => {
    w.clock.advance(25 * 60 * MIN);
    const fatima = await w.signIn('fatima@example.nl');
    expect(codeOf(await w.gql(REQUEST, {}, { token: fatima }))).toBe('PHONE_REQUIRED');
    expect(codeOf(await w.gql(VERIFY, { c: '123456' }, { token: fatima }))).toBe('PHONE_REQUIRED');
    expect(await w.outbox('step-up-code')).not.toContainEqual(expect.objectContaining({ recipient: null }));
  });

  it('needs a session', async () => {
    expect(codeOf(await w.gql(REQUEST))).toBe('UNAUTHENTICATED');
    expect(codeOf(await w.gql(VERIFY, { c: '123456' }))).toBe('UNAUTHENTICATED');
  });
});
