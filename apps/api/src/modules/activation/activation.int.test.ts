import { AccessLogEntity } from '../audit/access-log.entity';
import { purgeActivationAttempts } from './activation.service';
import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { errorCode, makeProvider } from '../../test/providers';

const UPSERT = 'mutation($i: ProviderPatientInput!) { providerUpsertPatient(input: $i) { id status } }';
const ISSUE = 'mutation($e: String!) { providerIssueActivationLetter(externalPatientId: $e) { code expiresAt pdfUrl } }';
const STATUS = 'query($e: String!) { providerPatient(externalId: $e) { activated letterExpiresAt } }';
const ACTIVATE = `mutation($i: ActivateAccountInput!) {
  activateAccount(input: $i) { token expiresAt user { email firstName } }
}`;
const ACCOUNTS = '{ viewer { accounts { own level account { id displayName } } } }';

let seq = 0;
const newUser = (email = `nieuw-${++seq}@example.nl`) => ({ firstName: 'Anna', lastName: 'Bakker', email, password: 'een lange zin als wachtwoord' });

// Starting the demo world hashes passwords (argon2): slow when the whole suite shares two cores.
jest.setTimeout(60_000);

describe('activating an account with a letter code', () => {
  let w: DemoWorld;
  let ggz: Awaited<ReturnType<typeof makeProvider>>;
  let ipSeq = 0;
  /** Each test speaks from its own client address, so the per-address throttle only bites where it is tested. */
  const from = (ip = `10.0.0.${++ipSeq}`) => ({ 'x-kring-proxy-secret': 'test-proxy-secret-123456', 'x-kring-client-ip': ip });

  async function patientWithLetter(externalId: string, birthDate = '1984-05-17'): Promise<string> {
    await w.ok(UPSERT, { i: { externalId, firstName: 'Anna', lastName: 'Bakker', birthDate } }, { token: ggz.key });
    return (await w.ok(ISSUE, { e: externalId }, { token: ggz.key })).providerIssueActivationLetter.code;
  }

  beforeAll(async () => {
    w = await startDemoWorld();
    ggz = await makeProvider(w, 'GGZ Test');
  });
  afterAll(() => w.close());

  it('makes a new login the manager of its own account, linked to the provider', async () => {
    const code = await patientWithLetter('A-1');
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const r = await w.gql(ACTIVATE, { i: { code: typed, birthDate: '1984-05-17', newUser: newUser('anna@example.nl') } }, { headers: from() });
    expect(r.errors).toBeUndefined();
    const session = r.data!.activateAccount as { token: string; user: { email: string } };
    expect(session.user.email).toBe('anna@example.nl');
    const me = await w.ok(ACCOUNTS, {}, { token: session.token });
    expect(me.viewer.accounts).toEqual([{ own: true, level: 'MANAGER', account: expect.objectContaining({ displayName: 'Anna Bakker' }) }]);
    expect((await w.ok(STATUS, { e: 'A-1' }, { token: ggz.key })).providerPatient).toEqual({ activated: true, letterExpiresAt: null });
    // The new login is asked to confirm its address.
    expect((await w.outbox('verify-email')).map((o) => o.recipient)).toContain('anna@example.nl');
    const log = await w.db.manager.find(AccessLogEntity, { where: { accountId: me.viewer.accounts[0].account.id }, order: { seq: 'ASC' } });
    expect(log.map((e) => [e.action, e.actorName, e.detail])).toEqual([
      ['ACCOUNT_ACTIVATED', 'Anna Bakker', 'GGZ Test'],
      ['PROVIDER_LINKED', 'Anna Bakker', 'GGZ Test'],
    ]);
  });

  it('is single use, and a second activation of an active record is refused', async () => {
    const code = await patientWithLetter('A-2');
    await w.ok(ACTIVATE, { i: { code, birthDate: '1984-05-17', newUser: newUser() } });
    const again = await w.gql(ACTIVATE, { i: { code, birthDate: '1984-05-17', newUser: newUser() } }, { headers: from() });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LETTER_USED' });
    const fresh = (await w.ok(ISSUE, { e: 'A-2' }, { token: ggz.key })).providerIssueActivationLetter.code;
    const second = await w.gql(ACTIVATE, { i: { code: fresh, birthDate: '1984-05-17', newUser: newUser() } }, { headers: from() });
    expect(second.errors?.[0]?.extensions).toMatchObject({ reason: 'ALREADY_ACTIVATED' });
  });

  it('answers a wrong code and a wrong birth date alike, and 5 wrong tries void the code', async () => {
    const code = await patientWithLetter('A-3');
    const headers = from();
    const wrongCode = await w.gql(ACTIVATE, { i: { code: 'ABCD-EFGH-JKMN-PQRS', birthDate: '1984-05-17', newUser: newUser() } }, { headers });
    const wrongDate = await w.gql(ACTIVATE, { i: { code, birthDate: '1984-05-18', newUser: newUser() } }, { headers });
    expect(wrongCode.errors?.[0]).toEqual(wrongDate.errors?.[0]);
    expect(wrongDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_OR_BIRTH_DATE_WRONG' });
    for (let i = 0; i < 4; i++) await w.gql(ACTIVATE, { i: { code, birthDate: '1990-01-01', newUser: newUser() } }, { headers: from() });
    const right = await w.gql(ACTIVATE, { i: { code, birthDate: '1984-05-17', newUser: newUser() } }, { headers: from() });
    expect(right.errors?.[0]).toEqual(wrongDate.errors?.[0]);
    expect((await w.ok(STATUS, { e: 'A-3' }, { token: ggz.key })).providerPatient.letterExpiresAt).toBeNull();
  });

  it('does not tell whether an e-mail address has a login unless code and birth date are right', async () => {
    const code = await patientWithLetter('A-4');
    const taken = newUser('sanne@example.nl');
    const wrong = await w.gql(ACTIVATE, { i: { code, birthDate: '1999-01-01', newUser: taken } }, { headers: from() });
    const wrongFresh = await w.gql(ACTIVATE, { i: { code, birthDate: '1999-01-01', newUser: newUser() } }, { headers: from() });
    expect(wrong.errors?.[0]).toEqual(wrongFresh.errors?.[0]);
    const right = await w.gql(ACTIVATE, { i: { code, birthDate: '1984-05-17', newUser: taken } }, { headers: from() });
    expect(right.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LOGIN_NEEDED' });
    expect(right.errors?.[0]?.message).toBe('Log eerst in met dit e-mailadres.');
    // The letter was not used up: signed in, the same code works.
    const done = await w.gql(ACTIVATE, { i: { code, birthDate: '1984-05-17', forSelf: true } }, { token: w.tokens.pieter, headers: from() });
    expect(done.errors).toBeUndefined();
  });

  it('refuses a weak password before trying the code, so a typo costs no try', async () => {
    const code = await patientWithLetter('A-5');
    const r = await w.gql(ACTIVATE, { i: { code, birthDate: '1999-01-01', newUser: { ...newUser(), password: 'Welkom01!' } } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_COMMON', field: 'password' });
  });

  it('lets a signed-in helper activate for someone they represent: a new account they manage', async () => {
    const code = await patientWithLetter('A-6', '1941-11-03');
    const r = await w.gql(ACTIVATE, { i: { code, birthDate: '1941-11-03', forSelf: false } }, { token: w.tokens.fatima, headers: from() });
    expect(r.errors).toBeUndefined();
    const me = await w.ok(ACCOUNTS, {}, { token: r.data!.activateAccount.token });
    expect(me.viewer.accounts).toEqual(
      expect.arrayContaining([{ own: false, level: 'MANAGER', account: expect.objectContaining({ displayName: 'Anna Bakker' }) }]),
    );
  });

  it('refuses an expired letter', async () => {
    const code = await patientWithLetter('A-7');
    w.clock.advance(42 * 24 * 3600 * 1000);
    const r = await w.gql(ACTIVATE, { i: { code, birthDate: '1984-05-17', newUser: newUser() } }, { headers: from() });
    expect(r.errors?.[0]?.extensions).toMatchObject({ reason: 'LETTER_EXPIRED' });
  });

  it('throttles wrong tries per client address, also for a right code afterwards', async () => {
    const code = await patientWithLetter('A-8');
    const headers = from('192.0.2.77');
    for (let i = 0; i < 20; i++) {
      await w.gql(ACTIVATE, { i: { code: `ABCD-EFGH-JKMN-${'PQRSTUVWXYZ23456789'.slice(i % 15, (i % 15) + 4)}`, birthDate: '1984-05-17', newUser: newUser() } }, { headers });
    }
    const r = await w.gql(ACTIVATE, { i: { code, birthDate: '1984-05-17', newUser: newUser() } }, { headers });
    expect(errorCode(r)).toBe('RATE_LIMITED');
    // An hour later the address may try again, and the worker forgets the old tries.
    w.clock.advance(61 * 60 * 1000);
    expect(await purgeActivationAttempts(w.app.services)).toBeGreaterThanOrEqual(20);
    const later = await w.gql(ACTIVATE, { i: { code, birthDate: '1984-05-17', newUser: newUser() } }, { headers });
    expect(later.errors).toBeUndefined();
  });

  it('asks to sign in or register when neither a session nor a new login is given', async () => {
    const r = await w.gql(ACTIVATE, { i: { code: 'ABCD-EFGH-JKMN-PQRS', birthDate: '1984-05-17' } });
    expect(errorCode(r)).toBe('UNAUTHENTICATED');
  });
});
