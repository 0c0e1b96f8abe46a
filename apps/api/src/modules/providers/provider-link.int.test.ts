import { AccessLogEntity } from '../audit/access-log.entity';
import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { LEVELS, errorCode, makeProvider, stepUpAll, tokensOf, type Who } from '../../test/providers';
import { endProviderLinks } from './patient.service';

const UPSERT = 'mutation($i: ProviderPatientInput!) { providerUpsertPatient(input: $i) { id status } }';
const ISSUE = 'mutation($e: String!) { providerIssueActivationLetter(externalPatientId: $e) { code } }';
const PROVIDERS = 'query($id: ID!) { account(id: $id) { id providers { id linkedAt provider { name contactPhone contactEmail } } } }';
const LINK = `mutation($a: ID!, $c: String!, $b: LocalDate!) {
  linkProvider(accountId: $a, code: $c, birthDate: $b) { id linkedAt provider { name } }
}`;
const UNLINK = 'mutation($a: ID!, $l: ID!) { unlinkProvider(accountId: $a, providerLinkId: $l) }';

// Starting the demo world hashes passwords (argon2): slow when the whole suite shares two cores.
jest.setTimeout(60_000);

describe('provider links of an account', () => {
  let w: DemoWorld;
  let who: Record<Who, string>;
  let ggz: Awaited<ReturnType<typeof makeProvider>>;
  let n = 0;

  async function letter(birthDate = '1990-06-01'): Promise<{ code: string; externalId: string }> {
    const externalId = `L-${++n}`;
    await w.ok(UPSERT, { i: { externalId, firstName: 'Sanne', lastName: 'de Vries', birthDate } }, { token: ggz.key });
    return { code: (await w.ok(ISSUE, { e: externalId }, { token: ggz.key })).providerIssueActivationLetter.code, externalId };
  }

  beforeAll(async () => {
    w = await startDemoWorld();
    who = await tokensOf(w);
    ggz = await makeProvider(w, 'GGZ Link');
  });
  afterAll(() => w.close());
  beforeEach(() => stepUpAll(w));

  const expected: Record<Who, string | null> = { MANAGER: null, TRUST: 'FORBIDDEN', BASIC: 'FORBIDDEN', NONE: 'FORBIDDEN', OUTSIDER: 'NOT_FOUND' };

  it.each(LEVELS)('linkProvider as %s', async (level) => {
    const { code } = await letter();
    const r = await w.gql(LINK, { a: w.ids.sanneAccount, c: code, b: '1990-06-01' }, { token: who[level] });
    expect(errorCode(r)).toBe(expected[level]);
    if (!expected[level]) expect(r.data?.linkProvider.provider.name).toBe('GGZ Link');
  });

  it.each(LEVELS)('Account.providers as %s', async (level) => {
    const r = await w.gql(PROVIDERS, { id: w.ids.sanneAccount }, { token: who[level] });
    expect(errorCode(r)).toBe(expected[level]);
    if (level === 'MANAGER') {
      expect(r.data?.account.providers.length).toBeGreaterThan(0);
      expect(r.data?.account.providers.map((l: { provider: unknown }) => l.provider)).toContainEqual({ name: 'GGZ Link', contactPhone: '010 000 00 00', contactEmail: 'secretariaat@test.example' });
    } else if (level !== 'OUTSIDER') {
      expect(r.data?.account).toEqual({ id: w.ids.sanneAccount, providers: null });
    }
  });

  it.each(LEVELS)('unlinkProvider as %s', async (level) => {
    const { code } = await letter();
    const link = (await w.ok(LINK, { a: w.ids.sanneAccount, c: code, b: '1990-06-01' }, { token: who.MANAGER })).linkProvider;
    const r = await w.gql(UNLINK, { a: w.ids.sanneAccount, l: link.id }, { token: who[level] });
    expect(errorCode(r)).toBe(expected[level]);
    const list = (await w.ok(PROVIDERS, { id: w.ids.sanneAccount }, { token: who.MANAGER })).account.providers as { id: string }[];
    expect(list.some((l) => l.id === link.id)).toBe(level !== 'MANAGER');
  });

  it('asks the manager for a step-up, but never a helper without the right', async () => {
    await w.db.manager.query('UPDATE sessions SET stepUpUsedAt = NULL');
    expect(errorCode(await w.gql(PROVIDERS, { id: w.ids.sanneAccount }, { token: who.MANAGER }))).toBe('STEP_UP_REQUIRED');
    expect(errorCode(await w.gql(PROVIDERS, { id: w.ids.sanneAccount }, { token: who.TRUST }))).toBe('FORBIDDEN');
    const { code } = await letter();
    expect(errorCode(await w.gql(LINK, { a: w.ids.sanneAccount, c: code, b: '1990-06-01' }, { token: who.MANAGER }))).toBe('STEP_UP_REQUIRED');
  });

  it("does not unlink another account's link through this account", async () => {
    const { code } = await letter();
    const jeroenAccount = (await w.ok('{ viewer { accounts { own account { id } } } }', {}, { token: w.tokens.jeroen })).viewer.accounts.find(
      (a: { own: boolean }) => a.own,
    ).account.id;
    const link = (await w.ok(LINK, { a: jeroenAccount, c: code, b: '1990-06-01' }, { token: w.tokens.jeroen })).linkProvider;
    const r = await w.gql(UNLINK, { a: w.ids.sanneAccount, l: link.id }, { token: who.MANAGER });
    expect(errorCode(r)).toBe('NOT_FOUND');
  });

  it('refuses a wrong birth date and logs links and unlinks by provider name', async () => {
    const { code } = await letter();
    const wrong = await w.gql(LINK, { a: w.ids.sanneAccount, c: code, b: '1990-06-02' }, { token: who.MANAGER });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_OR_BIRTH_DATE_WRONG' });
    const link = (await w.ok(LINK, { a: w.ids.sanneAccount, c: code, b: '1990-06-01' }, { token: who.MANAGER })).linkProvider;
    await w.ok(UNLINK, { a: w.ids.sanneAccount, l: link.id }, { token: who.MANAGER });
    const log = await w.db.manager.find(AccessLogEntity, { where: { accountId: w.ids.sanneAccount }, order: { seq: 'DESC' }, take: 2 });
    expect(log.map((e) => [e.action, e.actorName, e.detail])).toEqual([
      ['PROVIDER_UNLINKED', 'Sanne de Vries', 'GGZ Link'],
      ['PROVIDER_LINKED', 'Sanne de Vries', 'GGZ Link'],
    ]);
  });

  it('ends every link of an account at once (deactivation)', async () => {
    const ended = await w.db.tx((m) => endProviderLinks(m, w.clock.now(), w.ids.sanneAccount));
    expect(ended.length).toBeGreaterThan(0);
    const list = await w.ok(PROVIDERS, { id: w.ids.sanneAccount }, { token: who.MANAGER });
    expect(list.account.providers).toEqual([]);
  });
});
