import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { stepUpAll } from '../../test/providers';

// Starting the demo world hashes passwords (argon2): slow when the whole suite shares two cores.
jest.setTimeout(60_000);

describe('demo provider and dossier', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
    await stepUpAll(w);
  });
  afterAll(() => w.close());

  it("links GGZ Voorbeeld to Sanne's account with reports, a care plan and a questionnaire", async () => {
    const data = await w.ok(
      `query($id: ID!) { account(id: $id) {
        providers { provider { name contactPhone contactEmail } }
        dossier { items { kind title authorName answers { question answer } provider { name } } }
      } }`,
      { id: w.ids.sanneAccount },
      { token: w.tokens.sanne },
    );
    expect(data.account.providers).toEqual([
      { provider: { name: 'GGZ Voorbeeld', contactPhone: '020 123 45 67', contactEmail: 'secretariaat@ggz-voorbeeld.example' } },
    ]);
    const items = data.account.dossier.items as { kind: string; answers: unknown[] }[];
    expect(items.filter((i) => i.kind === 'CARE_REPORT')).toHaveLength(4);
    expect(items.filter((i) => i.kind === 'CARE_PLAN')).toHaveLength(1);
    expect(items.filter((i) => i.kind === 'QUESTIONNAIRE').map((i) => i.answers.length)).toEqual([4]);
  });
});
