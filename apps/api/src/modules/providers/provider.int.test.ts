import { ProviderApiKeyEntity } from './provider.entity';
import { PatientRecordEntity } from './patient-record.entity';
import { issueProviderKey, revokeProviderKey } from './provider-key.service';
import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { errorCode, makeProvider } from '../../test/providers';

const UPSERT = 'mutation($i: ProviderPatientInput!) { providerUpsertPatient(input: $i) { id status } }';
const ISSUE = 'mutation($e: String!) { providerIssueActivationLetter(externalPatientId: $e) { code expiresAt pdfUrl } }';
const REVOKE = 'mutation($e: String!) { providerRevokeActivationLetter(externalPatientId: $e) }';
const STATUS = 'query($e: String!) { providerPatient(externalId: $e) { externalId activated letterExpiresAt } }';
const patient = { externalId: 'P-1001', firstName: 'Anna', lastName: 'Bakker', birthDate: '1984-05-17' };

// Starting the demo world hashes passwords (argon2): slow when the whole suite shares two cores.
jest.setTimeout(60_000);

describe('care providers and their keys', () => {
  let w: DemoWorld;
  let ggz: Awaited<ReturnType<typeof makeProvider>>;
  let other: Awaited<ReturnType<typeof makeProvider>>;
  beforeAll(async () => {
    w = await startDemoWorld();
    ggz = await makeProvider(w, 'GGZ Test');
    other = await makeProvider(w, 'Andere Zorg');
  });
  afterAll(() => w.close());

  it('stores keys only as a hash with a short prefix', async () => {
    const row = await w.db.manager.findOneByOrFail(ProviderApiKeyEntity, { id: ggz.keyId });
    expect(ggz.key).toMatch(/^kp_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(row)).not.toContain(ggz.key.slice(11));
    expect(row.prefix).toBe(ggz.key.slice(0, 11));
  });

  it('refuses provider writes without a key, with an unknown key, or with a user session', async () => {
    for (const token of [undefined, 'kp_unknown', w.tokens.sanne]) {
      const r = await w.gql(UPSERT, { i: patient }, { token });
      expect(errorCode(r)).toBe('UNAUTHENTICATED');
    }
  });

  it('rotates keys: a second key works beside the first until that one is revoked', async () => {
    const p = await makeProvider(w, 'Roterende Zorg');
    const second = await w.db.tx((m) => issueProviderKey(m, w.clock.now(), p.id));
    expect((await w.gql(UPSERT, { i: patient }, { token: p.key })).errors).toBeUndefined();
    expect((await w.gql(UPSERT, { i: patient }, { token: second.key })).errors).toBeUndefined();
    await w.db.tx((m) => revokeProviderKey(m, w.clock.now(), p.key.slice(0, 11)));
    expect(errorCode(await w.gql(UPSERT, { i: patient }, { token: p.key }))).toBe('UNAUTHENTICATED');
    expect((await w.gql(UPSERT, { i: patient }, { token: second.key })).errors).toBeUndefined();
  });

  it('registers a patient idempotently: CREATED, then UNCHANGED for the same push, UPDATED for a change', async () => {
    const a = await w.ok(UPSERT, { i: patient }, { token: ggz.key });
    expect(a.providerUpsertPatient.status).toBe('CREATED');
    const b = await w.ok(UPSERT, { i: patient }, { token: ggz.key });
    expect(b.providerUpsertPatient).toEqual({ id: a.providerUpsertPatient.id, status: 'UNCHANGED' });
    const c = await w.ok(UPSERT, { i: { ...patient, lastName: 'Bakker-de Boer' } }, { token: ggz.key });
    expect(c.providerUpsertPatient).toEqual({ id: a.providerUpsertPatient.id, status: 'UPDATED' });
    expect(await w.db.manager.countBy(PatientRecordEntity, { externalId: 'P-1001', providerId: ggz.id })).toBe(1);
    await w.ok(UPSERT, { i: patient }, { token: ggz.key });
  });

  it('refuses a birth date that does not exist', async () => {
    const r = await w.gql(UPSERT, { i: { ...patient, externalId: 'P-X', birthDate: '1984-02-30' } }, { token: ggz.key });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
  });

  it("keeps providers apart: another provider's patient is unknown (QUALITY.md 17)", async () => {
    for (const q of [ISSUE, REVOKE, STATUS]) {
      const r = await w.gql(q, { e: 'P-1001' }, { token: other.key });
      expect(errorCode(r)).toBe('NOT_FOUND');
    }
    // The same external id at another provider is that provider's own, separate patient.
    const own = await w.ok(UPSERT, { i: { ...patient, firstName: 'Ander' } }, { token: other.key });
    expect(own.providerUpsertPatient.status).toBe('CREATED');
    const mine = await w.ok(STATUS, { e: 'P-1001' }, { token: ggz.key });
    expect(mine.providerPatient).toEqual({ externalId: 'P-1001', activated: false, letterExpiresAt: null });
  });

  it('issues a letter valid six weeks, with a grouped code; a new letter voids the previous', async () => {
    const first = (await w.ok(ISSUE, { e: 'P-1001' }, { token: ggz.key })).providerIssueActivationLetter;
    expect(first.code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
    expect(new Date(first.expiresAt).getTime() - w.clock.now().getTime()).toBe(42 * 24 * 3600 * 1000);
    expect(first.pdfUrl).toMatch(new RegExp(`^${w.env.PUBLIC_API_URL}/letters/[0-9a-f-]{36}\\.pdf\\?t=`));
    const status = await w.ok(STATUS, { e: 'P-1001' }, { token: ggz.key });
    expect(status.providerPatient.letterExpiresAt).toBe(first.expiresAt);

    const second = (await w.ok(ISSUE, { e: 'P-1001' }, { token: ggz.key })).providerIssueActivationLetter;
    expect(second.code).not.toBe(first.code);
    const pdfOld = await fetchPdf(w, first.pdfUrl, ggz.key);
    expect(pdfOld.status).toBe(410);

    expect((await w.ok(REVOKE, { e: 'P-1001' }, { token: ggz.key })).providerRevokeActivationLetter).toBe(true);
    expect((await w.ok(STATUS, { e: 'P-1001' }, { token: ggz.key })).providerPatient.letterExpiresAt).toBeNull();
    expect((await fetchPdf(w, second.pdfUrl, ggz.key)).status).toBe(410);
  });

  it('serves the letter PDF to the issuing provider only', async () => {
    const letter = (await w.ok(ISSUE, { e: 'P-1001' }, { token: ggz.key })).providerIssueActivationLetter;
    const ok = await fetchPdf(w, letter.pdfUrl, ggz.key);
    expect(ok.status).toBe(200);
    expect(ok.type).toBe('application/pdf');
    expect(ok.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(ok.body.length).toBeLessThan(20_000);
    expect((await fetchPdf(w, letter.pdfUrl, other.key)).status).toBe(404);
    expect((await fetchPdf(w, letter.pdfUrl, undefined)).status).toBe(401);
    expect((await fetchPdf(w, letter.pdfUrl.replace(/t=.*/, 't=AAAA'), ggz.key)).status).toBe(410);
    // The link lapses after a week; a new letter is then needed to print again.
    w.clock.advance(8 * 24 * 3600 * 1000);
    expect((await fetchPdf(w, letter.pdfUrl, ggz.key)).status).toBe(410);
  });
});

async function fetchPdf(w: DemoWorld, pdfUrl: string, key: string | undefined) {
  const url = pdfUrl.replace(w.env.PUBLIC_API_URL, w.url.replace(/\/graphql$/, ''));
  const res = await fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}
