import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { normaliseOutbox, type OutboxRow } from '../features/dev/outbox';
import { launchBrowser } from './browser';
import { REPO, startStack, type Stack } from './servers';

/*
 * Issue 3, "Done when", walked in the browser: a provider key registers a patient and issues a
 * letter → a new person activates with code + birth date (new login) → confirms their e-mail
 * address with the link from the outbox → adds a mobile number on /profiel, opens the "stuur code"
 * link from the e-mail, enters the SMS code → opens /dossier, steps up with a new SMS code and
 * sees the care report the provider published. Every e-mail and SMS comes from the dev outbox.
 */

jest.setTimeout(180_000);

const PASSWORD = 'een lange zin als wachtwoord';
const EMAIL = 'eva.walk@example.nl';
const PHONE = '+31611112222';
const EXTERNAL_ID = 'e2e-walk-eva';
const BIRTH_DATE = '1992-04-21';
const REPORT_LINE = 'Eva kwam goed voorbereid naar het gesprek en wil de wandelafspraak houden.';

let stack: Stack;
let browser: Browser;
let consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function outbox(): Promise<OutboxRow[]> {
  const res = await fetch(`${stack.apiUrl}/dev/outbox`);
  return res.ok ? normaliseOutbox(await res.json()) : [];
}

/** Polls the dev outbox until `find` returns something, at most ~30 s. */
async function outboxFind<T>(find: (rows: OutboxRow[]) => T | null | undefined, what: string): Promise<T> {
  for (let i = 0; i < 120; i++) {
    const found = find(await outbox());
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not in the dev outbox within 30 s: ${what}`);
}

const seen = async () => new Set((await outbox()).map((r) => r.id));

/** The six-digit code of the first SMS to `to` that was not in the outbox before. */
function smsCode(to: string, before: Set<string>): Promise<string> {
  return outboxFind((rows) => {
    const sms = rows.find((r) => r.channel === 'sms' && !before.has(r.id) && r.to.replace(/\s/g, '') === to);
    return sms ? /\b(\d{6})\b/.exec(sms.text)?.[1] : null;
  }, `SMS code for ${to}`);
}

/** A link to `pathPrefix` in the first e-mail of `kind` to `to` that was not in the outbox before. */
function mailLink(kind: string, to: string, pathPrefix: string, before: Set<string>): Promise<string> {
  const re = new RegExp(`https?://\\S+${pathPrefix.replace(/[/.?]/g, '\\$&')}\\?token=[^\\s"<>)]+`);
  return outboxFind((rows) => {
    const mail = rows.find((r) => r.channel === 'email' && r.kind === kind && r.to === to && !before.has(r.id));
    return mail ? re.exec(mail.text)?.[0] : null;
  }, `${kind} e-mail to ${to}`);
}

/** A fresh API key for the demo provider, from the CLI on the stack's database. */
function providerKey(): string {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const out = execFileSync(process.execPath, [path.join(REPO, 'apps/api/dist/scripts/provider-key.js'), 'GGZ Voorbeeld'], {
    cwd: REPO,
    env: { ...env, DATA_DIR: stack.dataDir, KRING_ENV: 'development', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  const key = /API key:\s*(\S+)/.exec(out)?.[1];
  if (!key) throw new Error('provider:key printed no key');
  return key;
}

async function providerGql(key: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data ?? {};
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: ${err.message}`));
  return page;
}

beforeEach(() => {
  consoleErrors = [];
});

afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

describe('issue 3 walked through: letter → activation → e-mail → phone → dossier', () => {
  it('a new person gets from the provider letter to their own dossier behind the SMS step-up', async () => {
    // The provider registers the patient, issues a letter, and publishes a care report.
    const key = providerKey();
    const upserted = await providerGql(key, 'mutation P($input: ProviderPatientInput!) { providerUpsertPatient(input: $input) { id status } }', {
      input: { externalId: EXTERNAL_ID, firstName: 'Eva', lastName: 'Wandel', birthDate: BIRTH_DATE },
    });
    expect(upserted.providerUpsertPatient).toMatchObject({ status: 'CREATED' });
    const letter = await providerGql(key, 'mutation L($id: String!) { providerIssueActivationLetter(externalPatientId: $id) { code } }', { id: EXTERNAL_ID });
    const code = (letter.providerIssueActivationLetter as { code: string }).code;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9-]+$/);
    const published = await providerGql(
      key,
      'mutation($i: ProviderDossierItemInput!) { providerPublishDossierItem(input: $i) { id status } }',
      {
        i: {
          externalId: 'e2e-walk-report-1',
          externalPatientId: EXTERNAL_ID,
          kind: 'CARE_REPORT',
          title: 'Gesprek',
          body: REPORT_LINE,
          authorName: 'Marieke Bos, psycholoog',
          authoredAt: new Date().toISOString(),
        },
      },
    );
    expect(published.providerPublishDossierItem).toMatchObject({ status: 'CREATED' });

    // Eva activates with the letter's code, her birth date and a new login.
    const beforeActivation = await seen();
    const page = await newPage();
    await page.goto(`${stack.webUrl}/activeren`);
    await page.getByRole('heading', { name: 'Account activeren', level: 1 }).waitFor();
    await page.getByLabel('Code uit de brief').fill(code);
    await page.getByLabel('Geboortedatum', { exact: true }).fill(BIRTH_DATE);
    await page.getByLabel('Voornaam').fill('Eva');
    await page.getByLabel('Achternaam').fill('Wandel');
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Account activeren' }).click();
    await page.waitForURL('**/kalender');

    // She confirms her e-mail address with the link from the outbox.
    const verifyLink = await mailLink('verify-email', EMAIL, '/e-mail/bevestigen', beforeActivation);
    expect(verifyLink.startsWith(stack.webUrl)).toBe(true);
    await page.goto(verifyLink);
    await page.getByRole('heading', { name: 'E-mailadres bevestigen', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await page.getByText('Je e-mailadres is bevestigd.', { exact: false }).waitFor();

    // She adds her mobile number (written the Dutch way) on the profile page.
    await page.goto(`${stack.webUrl}/profiel`);
    await page.getByRole('heading', { name: 'Profiel', level: 1 }).waitFor();
    const phoneCard = page.locator('section', { has: page.getByRole('heading', { name: 'Mobiel nummer', level: 2 }) });
    await phoneCard.getByText('Je hebt nog geen mobiel nummer opgegeven.').waitFor();
    const beforePhone = await seen();
    await phoneCard.getByRole('textbox', { name: 'Mobiel nummer' }).fill('06 11112222');
    await phoneCard.getByRole('button', { name: 'Nummer opslaan' }).click();
    await phoneCard.getByText('nog niet bevestigd').waitFor();

    // The e-mail carries the "stuur code" link; no SMS is sent before she presses it.
    const phoneLink = await mailLink('phone-verification-link', EMAIL, '/telefoon/bevestigen', beforePhone);
    expect((await outbox()).filter((r) => r.channel === 'sms' && !beforePhone.has(r.id))).toEqual([]);
    await page.goto(phoneLink);
    await page.getByRole('heading', { name: 'Mobiel nummer bevestigen', level: 1 }).waitFor();
    const beforeSend = await seen();
    await page.getByRole('button', { name: 'Stuur code' }).click();
    await page.getByText('De sms is verstuurd. De code is 10 minuten geldig.').waitFor();
    await page.getByLabel('Bevestig met code').fill(await smsCode(PHONE, beforeSend));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText(/Je mobiele nummer is bevestigd/).waitFor();

    await page.goto(`${stack.webUrl}/profiel`);
    await page.locator('section', { has: page.getByRole('heading', { name: 'Mobiel nummer', level: 2 }) }).getByText('bevestigd', { exact: true }).waitFor();

    // The dossier asks for a fresh SMS code, then shows the provider's care report.
    await page.goto(`${stack.webUrl}/dossier`);
    await page.getByRole('heading', { name: 'Bevestig met sms-code' }).waitFor();
    const beforeStepUp = await seen();
    await page.getByRole('button', { name: 'Stuur sms-code' }).click();
    await page.getByText(/We hebben een code gestuurd naar/).waitFor();
    await page.getByLabel('Code uit de sms').fill(await smsCode(PHONE, beforeStepUp));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('tab', { name: 'Zorgrapportages' }).click();
    await page.getByRole('tabpanel', { name: 'Zorgrapportages' }).getByText(REPORT_LINE).waitFor();
  });
});
