import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { codeOf } from '../../test/extra';

const FAQ_Q = `query($s: String, $l: String) { faq(search: $s, locale: $l) { id question answer } }`;
const ASK = `mutation($q: String!, $r: String) { askQuestion(question: $q, replyTo: $r) }`;

describe('help bubble', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());
  const ip = (n: number) => ({ 'x-kring-proxy-secret': 'test-proxy-secret-123456', 'x-kring-client-ip': `10.0.0.${n}` });

  it('answers signed out, in Dutch by default', async () => {
    const r = await w.ok(FAQ_Q, { s: 'sms code' });
    expect(r.faq[0]).toMatchObject({ id: 'sms-code', question: 'Waarom vraagt Kring om een sms-code?' });
  });

  it('follows the locale argument, then the viewer’s language, then Accept-Language', async () => {
    expect((await w.ok(FAQ_Q, { s: 'sms', l: 'en' })).faq[0].question).toBe('Why does Kring ask for an SMS code?');
    const browser = await w.gql(FAQ_Q, { s: 'sms' }, { headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' } });
    expect(browser.data.faq[0].question).toBe('Why does Kring ask for an SMS code?');
    const dutchViewer = await w.gql(FAQ_Q, { s: 'sms' }, { token: w.tokens.sanne, headers: { 'accept-language': 'en' } });
    expect(dutchViewer.data.faq[0].question).toBe('Waarom vraagt Kring om een sms-code?');
  });

  it('delivers a question to the support address through the outbox', async () => {
    expect(await w.ok(ASK, { q: 'Ik kan mijn brief met de code niet meer vinden.', r: 'vraagsteller@example.nl' }, { headers: ip(1) } as never)).toEqual({ askQuestion: true });
    const [mail] = await w.outbox('help-question');
    expect(mail).toMatchObject({ recipient: w.env.SUPPORT_EMAIL, subject: 'Vraag via de hulpknop van Kring' });
    expect(mail?.text).toContain('Ik kan mijn brief met de code niet meer vinden.');
    expect(mail?.text).toContain('Antwoord naar: vraagsteller@example.nl');
  });

  it.each([
    ['te kort', null, 'TOO_SHORT'],
    ['x'.repeat(2001), null, 'TOO_LONG'],
    ['Een goede vraag over Kring', 'geen-adres', 'INVALID_EMAIL'],
  ])('refuses %#: reason %s', async (question, replyTo, reason) => {
    const before = (await w.outbox('help-question')).length;
    const r = await w.gql(ASK, { q: question, r: replyTo }, { headers: ip(2) });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(await w.outbox('help-question')).toHaveLength(before);
  });

  it('allows 5 questions per address per hour', async () => {
    for (let i = 0; i < 5; i++) expect(codeOf(await w.gql(ASK, { q: `Vraag nummer ${i} over Kring` }, { headers: ip(3) }))).toBeNull();
    const sixth = await w.gql(ASK, { q: 'Nog een vraag over Kring' }, { headers: ip(3) });
    expect(sixth.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3600 });
    expect(codeOf(await w.gql(ASK, { q: 'Een vraag van een ander adres' }, { headers: ip(4) }))).toBeNull();
    w.clock.advance(3600_000);
    expect(codeOf(await w.gql(ASK, { q: 'Een uur later mag het weer' }, { headers: ip(3) }))).toBeNull();
  });
});
