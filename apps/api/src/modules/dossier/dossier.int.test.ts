import { AccessLogEntity } from '../audit/access-log.entity';
import { PatientRecordEntity } from '../providers/patient-record.entity';
import { linkRecord } from '../providers/patient.service';
import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { LEVELS, errorCode, makeProvider, stepUpAll, tokensOf, type Who } from '../../test/providers';
import { countQueries } from '../../test/extra';
import { CARE_PLAN_LISTENERS } from './events';

const UPSERT = 'mutation($i: ProviderPatientInput!) { providerUpsertPatient(input: $i) { id status } }';
const PUBLISH = 'mutation($i: ProviderDossierItemInput!) { providerPublishDossierItem(input: $i) { id status } }';
const RETRACT = 'mutation($e: String!) { providerRetractDossierItem(externalId: $e) }';
const DOSSIER = `query($id: ID!, $kind: DossierItemKind) { account(id: $id) { dossier { items(kind: $kind) {
  id kind title body authorName authoredAt updatedAt version answers { question answer } provider { name }
} } } }`;
const UNLINK = 'mutation($a: ID!, $l: ID!) { unlinkProvider(accountId: $a, providerLinkId: $l) }';

type Item = { id: string; kind: string; title: string; version: number; updatedAt: string; provider: { name: string }; answers: unknown[] };

// Starting the demo world hashes passwords (argon2): slow when the whole suite shares two cores.
jest.setTimeout(60_000);

describe('the dossier', () => {
  let w: DemoWorld;
  let who: Record<Who, string>;
  let ggz: Awaited<ReturnType<typeof makeProvider>>;
  let other: Awaited<ReturnType<typeof makeProvider>>;
  let recordId: string;
  const carePlanEvents: { accountId: string; providerName: string }[] = [];

  const item = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    externalPatientId: 'S-1',
    kind: 'CARE_REPORT',
    title: 'Gesprek',
    body: 'We spraken over de afgelopen week.',
    authorName: 'M. Jansen',
    authoredAt: '2026-02-20T10:00:00.000Z',
    ...extra,
  });
  const items = async (token = who.MANAGER, kind?: string): Promise<Item[]> =>
    (await w.ok(DOSSIER, { id: w.ids.sanneAccount, kind }, { token })).account.dossier.items;

  beforeAll(async () => {
    w = await startDemoWorld();
    who = await tokensOf(w);
    ggz = await makeProvider(w, 'GGZ Dossier');
    other = await makeProvider(w, 'Andere Zorg');
    recordId = (await w.ok(UPSERT, { i: { externalId: 'S-1', firstName: 'Sanne', lastName: 'de Vries', birthDate: '1990-06-01' } }, { token: ggz.key }))
      .providerUpsertPatient.id;
    await w.db.tx(async (m) => linkRecord(m, w.clock.now(), await m.findOneByOrFail(PatientRecordEntity, { id: recordId }), w.ids.sanneAccount));
    CARE_PLAN_LISTENERS.push((_m, _now, e) => {
      carePlanEvents.push(e);
      return Promise.resolve();
    });
  });
  afterAll(() => w.close());
  beforeEach(() => stepUpAll(w));

  it('publishes idempotently: the same push twice changes nothing, new content is the next version', async () => {
    const a = (await w.ok(PUBLISH, { i: item('R-1') }, { token: ggz.key })).providerPublishDossierItem;
    expect(a.status).toBe('CREATED');
    w.clock.advance(60_000);
    expect((await w.ok(PUBLISH, { i: item('R-1') }, { token: ggz.key })).providerPublishDossierItem).toEqual({ id: a.id, status: 'UNCHANGED' });
    const before = (await items()).find((i) => i.id === a.id);
    expect(before).toMatchObject({ id: a.id, version: 1, title: 'Gesprek', provider: { name: 'GGZ Dossier' } });
    w.clock.advance(60_000);
    const changed = await w.ok(PUBLISH, { i: item('R-1', { body: 'We spraken over de afgelopen twee weken.' }) }, { token: ggz.key });
    expect(changed.providerPublishDossierItem).toEqual({ id: a.id, status: 'UPDATED' });
    const after = (await items()).find((i) => i.id === a.id);
    expect(after).toMatchObject({ id: a.id, version: 2, updatedAt: w.clock.now().toISOString() });
  });

  const expected: Record<Who, string | null> = { MANAGER: null, TRUST: null, BASIC: 'FORBIDDEN', NONE: 'FORBIDDEN', OUTSIDER: 'NOT_FOUND' };
  it.each(LEVELS)('Account.dossier as %s, after step-up', async (level) => {
    const r = await w.gql(DOSSIER, { id: w.ids.sanneAccount }, { token: who[level] });
    expect(errorCode(r)).toBe(expected[level]);
    if (!expected[level]) expect(r.data?.account.dossier.items.length).toBeGreaterThan(0);
    if (expected[level] === 'FORBIDDEN') expect(r.data?.account.dossier).toBeNull();
  });

  it.each(LEVELS)('Account.dossier as %s without step-up: only those with the right are asked for a code', async (level) => {
    await w.db.manager.query('UPDATE sessions SET stepUpUsedAt = NULL');
    const r = await w.gql(DOSSIER, { id: w.ids.sanneAccount }, { token: who[level] });
    expect(errorCode(r)).toBe(expected[level] ?? 'STEP_UP_REQUIRED');
  });

  it('lists newest first, filters by kind and shows questionnaire answers', async () => {
    await w.ok(PUBLISH, { i: item('Q-1', { kind: 'QUESTIONNAIRE', title: 'Hoe gaat het?', authoredAt: '2026-02-25T09:00:00.000Z', answers: [{ question: 'Slaap', answer: 'Redelijk' }] }) }, { token: ggz.key });
    await w.ok(PUBLISH, { i: item('R-0', { authoredAt: '2026-01-05T09:00:00.000Z' }) }, { token: ggz.key });
    const all = await items();
    const dates = all.map((i) => (i as unknown as { authoredAt: string }).authoredAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const questionnaires = await items(who.TRUST, 'QUESTIONNAIRE');
    expect(new Set(questionnaires.map((i) => i.kind))).toEqual(new Set(['QUESTIONNAIRE']));
    expect(questionnaires.find((i) => i.title === 'Hoe gaat het?')!.answers).toEqual([{ question: 'Slaap', answer: 'Redelijk' }]);
  });

  it('answers with a number of SQL statements that does not grow with the dossier', async () => {
    const run = () => countQueries(w.db.ds, () => items());
    const small = await run();
    expect(small).toBeGreaterThan(3);
    for (let i = 0; i < 12; i++) await w.ok(PUBLISH, { i: item(`C-${i}`, { authoredAt: `2026-01-${String(10 + i).padStart(2, '0')}T09:00:00.000Z` }) }, { token: ggz.key });
    await w.ok(PUBLISH, { i: { ...item('C-x'), externalPatientId: 'S-1' } }, { token: ggz.key });
    expect(await run()).toBe(small);
  });

  it('writes DOSSIER_OPENED to the access log once per request', async () => {
    const count = () => w.db.manager.countBy(AccessLogEntity, { accountId: w.ids.sanneAccount, action: 'DOSSIER_OPENED' });
    const before = await count();
    await w.ok(`query($id: ID!) { account(id: $id) { a: dossier { items { id } } b: dossier { items(kind: CARE_PLAN) { id } } } }`, { id: w.ids.sanneAccount }, { token: who.TRUST });
    expect(await count()).toBe(before + 1);
    const last = await w.db.manager.findOne(AccessLogEntity, { where: { accountId: w.ids.sanneAccount }, order: { seq: 'DESC' } });
    expect(last).toMatchObject({ action: 'DOSSIER_OPENED', actorName: 'Jeroen de Vries', basis: 'TRUST' });
  });

  it("refuses writes for another provider's patient and items (QUALITY.md 17)", async () => {
    expect(errorCode(await w.gql(PUBLISH, { i: item('X-1') }, { token: other.key }))).toBe('NOT_FOUND');
    expect(errorCode(await w.gql(RETRACT, { e: 'R-1' }, { token: other.key }))).toBe('NOT_FOUND');
    expect(errorCode(await w.gql(PUBLISH, { i: item('X-1') }, { token: w.tokens.sanne }))).toBe('UNAUTHENTICATED');
  });

  it('tells listeners when a care plan reaches the account, not when nothing changed', async () => {
    carePlanEvents.length = 0;
    const plan = item('P-1', { kind: 'CARE_PLAN', title: 'Zorgplan' });
    await w.ok(PUBLISH, { i: plan }, { token: ggz.key });
    await w.ok(PUBLISH, { i: plan }, { token: ggz.key });
    await w.ok(PUBLISH, { i: { ...plan, body: 'Nieuwe doelen.' } }, { token: ggz.key });
    expect(carePlanEvents).toEqual([
      { accountId: w.ids.sanneAccount, providerName: 'GGZ Dossier' },
      { accountId: w.ids.sanneAccount, providerName: 'GGZ Dossier' },
    ]);
  });

  it('takes a retracted item out of the dossier; publishing it again brings it back', async () => {
    await w.ok(PUBLISH, { i: item('T-1', { title: 'Tijdelijk' }) }, { token: ggz.key });
    expect((await w.ok(RETRACT, { e: 'T-1' }, { token: ggz.key })).providerRetractDossierItem).toBe(true);
    expect((await items()).some((i) => i.title === 'Tijdelijk')).toBe(false);
    expect((await w.ok(RETRACT, { e: 'T-1' }, { token: ggz.key })).providerRetractDossierItem).toBe(false);
    expect((await w.ok(PUBLISH, { i: item('T-1', { title: 'Tijdelijk' }) }, { token: ggz.key })).providerPublishDossierItem.status).toBe('UPDATED');
    expect((await items()).some((i) => i.title === 'Tijdelijk')).toBe(true);
  });

  it('after an unlink keeps what the provider sent, marked with its name, and later writes no longer reach the account', async () => {
    const before = await items();
    await w.ok(UNLINK, { a: w.ids.sanneAccount, l: recordId }, { token: who.MANAGER });
    await w.ok(PUBLISH, { i: item('R-1', { body: 'Na het ontkoppelen gewijzigd.' }) }, { token: ggz.key });
    await w.ok(PUBLISH, { i: item('N-1', { title: 'Na ontkoppeling' }) }, { token: ggz.key });
    const after = await items();
    expect(after).toEqual(before);
    expect(after.filter((i) => i.provider.name === 'GGZ Dossier').length).toBeGreaterThan(3);
  });

  it('brings what was sent before activation into the account once the record is linked', async () => {
    await w.ok(UPSERT, { i: { externalId: 'S-2', firstName: 'Sanne', lastName: 'de Vries', birthDate: '1990-06-01' } }, { token: other.key });
    await w.ok(PUBLISH, { i: { ...item('E-1', { title: 'Eerder verslag' }), externalPatientId: 'S-2' } }, { token: other.key });
    expect((await items()).some((i) => i.title === 'Eerder verslag')).toBe(false);
    await w.db.tx(async (m) => linkRecord(m, w.clock.now(), await m.findOneByOrFail(PatientRecordEntity, { providerId: other.id, externalId: 'S-2' }), w.ids.sanneAccount));
    expect((await items()).find((i) => i.title === 'Eerder verslag')?.provider.name).toBe('Andere Zorg');
  });
});
