import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { normaliseOutbox, type OutboxRow } from '../features/dev/outbox';
import { axeViolations, launchBrowser, screenshots } from './browser';
import { REPO, startStack, type Stack } from './servers';

/**
 * Onboarding, profile, connections, access log, notifications and the help bubble in the browser:
 * the invitation flow through the dev outbox, a profile name change, the help bubble, and axe plus
 * 360/1280 screenshots of every page. Steps whose API part is not in schema.graphql yet are skipped.
 */
jest.setTimeout(150_000);

const PASSWORD = 'welkom-bij-kring';
const SCHEMA = readFileSync(path.join(REPO, 'schema.graphql'), 'utf8');
const has = (field: string) => new RegExp(`\\b${field}\\(`).test(SCHEMA) || new RegExp(`\\b${field}:`).test(SCHEMA);
const itIf = (cond: boolean) => (cond ? it : it.skip);

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Console errors of every page (CSP violations, hydration mismatches, failed requests), checked after each test. */
let consoleErrors: string[] = [];

async function newPage(locale = 'nl-NL'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  contexts.push(context);
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
  // A refused credentials sign-in (wrong letter code) answers 401 from next-auth's callback: expected.
  expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
});

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/kalender');
}

async function outboxRows(): Promise<OutboxRow[]> {
  const res = await fetch(`${stack.apiUrl}/dev/outbox`);
  if (res.ok) return normaliseOutbox(await res.json());
  const db = new Database(path.join(stack.dataDir, 'kring.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return normaliseOutbox(db.prepare('SELECT id, channel, kind, recipient, subject, text, createdAt FROM outbox').all());
  } finally {
    db.close();
  }
}

async function waitForOutbox<T>(find: (rows: OutboxRow[]) => T | undefined | null, what: string): Promise<T> {
  for (let i = 0; i < 60; i++) {
    const found = find(await outboxRows());
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not in the dev outbox`);
}

async function stepUp(page: Page, phone: string): Promise<void> {
  // Only a text sent after this click counts: an earlier test's code for the same number is used up.
  const before = new Set((await outboxRows()).map((r) => r.id));
  await page.getByRole('button', { name: 'Stuur sms-code' }).click();
  await page.getByText(/We hebben een code gestuurd naar/).waitFor();
  const code = await waitForOutbox(
    (rows) => {
      const sms = rows.find((r) => r.channel === 'sms' && !before.has(r.id) && r.to.replace(/\s/g, '') === phone);
      return sms ? /\b(\d{6})\b/.exec(sms.text)?.[1] : null;
    },
    `SMS code for ${phone}`,
  );
  await page.getByLabel('Code uit de sms').fill(code);
  await page.getByRole('button', { name: 'Bevestigen' }).click();
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.DATABASE_URL;
  return copy;
}

/** A provider key for the demo provider, made with the CLI on the e2e database, and a fresh letter for a new patient. */
async function letterFor(externalId: string, birthDate: string): Promise<string> {
  const out = execFileSync(process.execPath, [path.join(REPO, 'apps/api/dist/scripts/provider-key.js'), 'GGZ Voorbeeld'], {
    cwd: REPO,
    env: { ...withoutDatabaseUrl(process.env), DATA_DIR: stack.dataDir, KRING_ENV: 'development', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  const key = /API key:\s*(\S+)/.exec(out)?.[1];
  if (!key) throw new Error('no provider key');
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data ?? {};
  };
  await gql('mutation P($input: ProviderPatientInput!) { providerUpsertPatient(input: $input) { id status } }', {
    input: { externalId, firstName: 'Noor', lastName: 'Visser', birthDate },
  });
  const data = await gql('mutation L($id: String!) { providerIssueActivationLetter(externalPatientId: $id) { code } }', { id: externalId });
  return (data.providerIssueActivationLetter as { code: string }).code;
}

/** Axe finds nothing, and the page is photographed at 360 and 1280 px. */
async function check(page: Page, name: string): Promise<void> {
  await screenshots(page, name);
  expect(await axeViolations(page)).toEqual([]);
}

describe('Kring circle pages in the browser', () => {
  it('the help bubble opens with the crisis numbers, signed out, and Escape closes it', async () => {
    const page = await newPage();
    await page.goto(`${stack.webUrl}/login`);
    await page.getByRole('button', { name: 'Hulp en vragen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hulp en vragen' });
    await dialog.waitFor();
    await dialog.getByRole('link', { name: '112' }).waitFor();
    await dialog.getByRole('link', { name: '0800-0113' }).waitFor();
    // The crisis list, always on top (FAQ answers below may mention 113 too).
    await dialog.getByRole('listitem').filter({ hasText: /113 Zelfmoordpreventie/ }).first().waitFor();
    await dialog.getByText(/huisarts/).first().waitFor();
    await check(page, 'help-open');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Hulp en vragen');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: 'Help and questions' }).click();
    await page.getByRole('dialog', { name: 'Help and questions' }).getByText(/In immediate danger/).waitFor();
    await check(page, 'help-open-en');
  });

  it('the signed-out pages reached from a letter or an e-mail are accessible (nl and en)', async () => {
    const page = await newPage();
    const pages: [string, string, string][] = [
      ['/activeren', 'Account activeren', 'activeren'],
      ['/wachtwoord-vergeten', 'Wachtwoord vergeten', 'wachtwoord-vergeten'],
      ['/wachtwoord-herstellen?token=onbekend', 'Nieuw wachtwoord kiezen', 'wachtwoord-herstellen'],
      ['/e-mail/bevestigen?token=onbekend', 'E-mailadres bevestigen', 'email-bevestigen'],
      ['/telefoon/bevestigen?token=onbekend', 'Mobiel nummer bevestigen', 'telefoon-bevestigen'],
      ['/uitnodiging?token=onbekend', 'Uitnodiging', 'uitnodiging-ongeldig'],
    ];
    for (const [url, heading, name] of pages) {
      await page.goto(`${stack.webUrl}${url}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await check(page, name);
    }
    await page.goto(`${stack.webUrl}/activeren`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Activate an account', level: 1 }).waitFor();
    await check(page, 'activeren-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { name: 'Account activeren', level: 1 }).waitFor();
  });

  it('a wrong letter code says so without saying which part was wrong', async () => {
    const page = await newPage();
    await page.goto(`${stack.webUrl}/activeren`);
    await page.getByLabel('Code uit de brief').fill('ABCD-EFGH-JKMN');
    await page.getByLabel('Geboortedatum', { exact: true }).fill('1990-05-17');
    await page.getByLabel('Voornaam').fill('Test');
    await page.getByLabel('Achternaam').fill('Persoon');
    await page.getByLabel('E-mailadres').fill('test.persoon@example.nl');
    await page.getByLabel('Nieuw wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Account activeren' }).click();
    await page.getByRole('alert').getByText(/De code of de geboortedatum klopt niet/).waitFor();
  });

  itIf(has('providerIssueActivationLetter'))('a new person activates with the letter code and a new login, and lands on their calendar', async () => {
    const code = await letterFor('e2e-noor', '2001-02-03');
    const page = await newPage();
    await page.goto(`${stack.webUrl}/activeren`);
    await page.getByLabel('Code uit de brief').fill(code);
    await page.getByLabel('Geboortedatum', { exact: true }).fill('2001-02-03');
    await page.getByLabel('Voornaam').fill('Noor');
    await page.getByLabel('Achternaam').fill('Visser');
    await page.getByLabel('E-mailadres').fill('noor@example.nl');
    await page.getByLabel('Nieuw wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Account activeren' }).click();
    await page.waitForURL('**/kalender');
    // The session token is inside next-auth's HttpOnly cookie; page scripts cannot read it.
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.includes('next-auth.session-token') && c.httpOnly)).toBe(true);
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).text());
    expect(session).not.toMatch(/apiToken|token/i);
    // The letter's code is used now.
    const again = await newPage();
    await again.goto(`${stack.webUrl}/activeren`);
    await again.getByLabel('Code uit de brief').fill(code);
    await again.getByLabel('Geboortedatum', { exact: true }).fill('2001-02-03');
    await again.getByLabel('Ik heb al een login').check();
    await again.getByLabel('E-mailadres').fill('noor@example.nl');
    await again.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await again.getByRole('button', { name: 'Account activeren' }).click();
    await again.getByRole('alert').waitFor();
  });

  itIf(has('providerIssueActivationLetter'))('a signed-in helper activates a letter for someone they represent from the plus button', async () => {
    const code = await letterFor('e2e-kind', '2015-06-01');
    const page = await newPage();
    await signIn(page, 'fatima@example.nl');
    await page.getByRole('link', { name: 'Account activeren of toevoegen' }).click();
    await page.getByRole('heading', { name: 'Account activeren', level: 1 }).waitFor();
    await page.getByText(/Je bent ingelogd als Fatima/).waitFor();
    await check(page, 'activeren-ingelogd');
    await page.getByLabel('Code uit de brief').fill(code);
    await page.getByLabel('Geboortedatum', { exact: true }).fill('2015-06-01');
    await page.getByLabel('Voor iemand die ik vertegenwoordig').check();
    await page.getByRole('button', { name: 'Account activeren' }).click();
    await page.waitForURL('**/kalender');
    await page.getByRole('button', { name: /Noor Visser/ }).waitFor();
  });

  it('Sanne invites a helper; the helper accepts from the e-mail, makes a login and sees Sanne at that level', async () => {
    const sanne = await newPage();
    await signIn(sanne, 'sanne@example.nl');
    await sanne.goto(`${stack.webUrl}/connecties`);
    await sanne.getByRole('heading', { name: 'Bevestig met sms-code' }).waitFor();
    await check(sanne, 'connecties-step-up');
    await stepUp(sanne, '+31612345678');
    await sanne.getByRole('heading', { name: 'Nodig helpende uit' }).waitFor();
    await check(sanne, 'connecties');

    const invite = sanne.locator('section', { has: sanne.getByRole('heading', { name: 'Nodig helpende uit' }) });
    await invite.getByLabel('Voornaam').fill('Lotte');
    await invite.getByLabel('Achternaam').fill('Jansen');
    await invite.getByLabel('E-mailadres').fill('lotte@example.nl');
    await invite.getByLabel('basisrechten').check();
    await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await sanne.getByText('De uitnodiging is verstuurd naar lotte@example.nl.').waitFor();
    const invitations = sanne.locator('section', { has: sanne.getByRole('heading', { name: 'Uitnodigingen' }) });
    await invitations.locator('strong', { hasText: 'Lotte Jansen' }).waitFor();
    await invitations.getByText('Openstaand').first().waitFor();

    const link = await waitForOutbox(
      (rows) => {
        const mail = rows.find((r) => r.channel === 'email' && r.to === 'lotte@example.nl');
        return mail ? /https?:\/\/\S+\/uitnodiging\?token=[^\s"<>)]+/.exec(mail.text)?.[0] : null;
      },
      'invitation e-mail for lotte@example.nl',
    );
    const lotte = await newPage();
    await lotte.goto(link);
    await lotte.getByText('Sanne de Vries vraagt je om te helpen en nodigt je uit in zijn of haar kring.').waitFor();
    await lotte.getByText('Je krijgt: basisrechten').waitFor();
    await check(lotte, 'uitnodiging');
    await lotte.getByLabel('Voornaam').fill('Lotte');
    await lotte.getByLabel('Achternaam').fill('Jansen');
    await lotte.getByLabel('Nieuw wachtwoord').fill('zonnige dag aan zee');
    await lotte.getByLabel('Herhaal het nieuwe wachtwoord').fill('zonnige dag aan zee');
    await lotte.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await lotte.waitForURL('**/kalender');
    await lotte.getByRole('button', { name: /Sanne de Vries/ }).click();
    await lotte.getByText('Je bekijkt het account van Sanne de Vries').waitFor();
    const menu = await lotte.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();
    expect(menu).toContain('Berichten');
    expect(menu).not.toContain('Dossier');
    expect(menu).not.toContain('Connecties');

    // Sanne sees Lotte as a connection with basic rights.
    await sanne.reload();
    const people = sanne.locator('section', { has: sanne.getByRole('heading', { name: 'Connecties', level: 2 }) });
    await people.locator('strong', { hasText: 'Lotte Jansen' }).waitFor();
    expect(await people.locator('li', { hasText: 'Lotte Jansen' }).textContent()).toContain('basisrechten');

    // Sanne raises her to the trust group: Lotte's very next page offers the dossier.
    const lotteRow = people.locator('li', { hasText: 'Lotte Jansen' });
    const setLevel = async (label: string) => {
      await lotteRow.getByRole('button', { name: /rechten/ }).click();
      await lotteRow.getByRole('group', { name: 'Rechten van Lotte Jansen' }).getByLabel(label, { exact: true }).check();
      await lotteRow.getByRole('button', { name: 'Opslaan' }).click();
      await sanne.getByText('De rechten van Lotte Jansen zijn gewijzigd.').waitFor();
    };
    await setLevel('vertrouwensgroep');
    await lotte.reload();
    await lotte.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossier' }).waitFor();
    // Lowered to no rights: she sees nothing of Sanne's account any more.
    await setLevel('geen rechten');
    await lotte.reload();
    await lotte.getByText('Je bekijkt het account van Sanne de Vries').waitFor();
    expect(await lotte.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents()).toEqual(['Profiel']);
  });

  itIf(has('providerIssueActivationLetter') && has('pendingInvitations'))('a signed-in person sees an invitation behind the plus button and accepts it with their login', async () => {
    // Pim has a login of his own (activated with a letter).
    const code = await letterFor('e2e-pim', '1985-09-09');
    const pim = await newPage();
    await pim.goto(`${stack.webUrl}/activeren`);
    await pim.getByLabel('Code uit de brief').fill(code);
    await pim.getByLabel('Geboortedatum', { exact: true }).fill('1985-09-09');
    await pim.getByLabel('Voornaam').fill('Pim');
    await pim.getByLabel('Achternaam').fill('de Boer');
    await pim.getByLabel('E-mailadres').fill('pim@example.nl');
    await pim.getByLabel('Nieuw wachtwoord').fill('pim heeft een lang wachtwoord');
    await pim.getByLabel('Herhaal het nieuwe wachtwoord').fill('pim heeft een lang wachtwoord');
    await pim.getByRole('button', { name: 'Account activeren' }).click();
    await pim.waitForURL('**/kalender');

    // Sanne invites him into her trust group.
    const sanne = await newPage();
    await signIn(sanne, 'sanne@example.nl');
    await sanne.goto(`${stack.webUrl}/connecties`);
    await stepUp(sanne, '+31612345678');
    const invite = sanne.locator('section', { has: sanne.getByRole('heading', { name: 'Nodig helpende uit' }) });
    await invite.getByLabel('Voornaam').fill('Pim');
    await invite.getByLabel('Achternaam').fill('de Boer');
    await invite.getByLabel('E-mailadres').fill('pim@example.nl');
    await invite.getByLabel('vertrouwensgroep').check();
    await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await sanne.getByText('De uitnodiging is verstuurd naar pim@example.nl.').waitFor();

    // Pim, still signed in, finds it behind the plus button.
    await pim.getByRole('link', { name: 'Account activeren of toevoegen' }).click();
    await pim.getByRole('heading', { name: 'Uitnodigingen voor jou' }).waitFor();
    await check(pim, 'activeren-uitnodiging');
    await pim.getByRole('link', { name: 'Bekijk de uitnodiging' }).click();
    await pim.getByText('Je krijgt: vertrouwensgroep').waitFor();
    await pim.getByText(/Je bent ingelogd als Pim de Boer/).waitFor();
    await pim.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await pim.waitForURL('**/kalender');
    await pim.getByRole('button', { name: /Sanne de Vries/ }).waitFor();
  });

  it('the access log shows what happened, filterable by period', async () => {
    const page = await newPage();
    await signIn(page, 'sanne@example.nl');
    await page.goto(`${stack.webUrl}/toegang`);
    await page.getByRole('heading', { name: 'Wie heeft wat bekeken', level: 1 }).waitFor();
    await stepUp(page, '+31612345678');
    await page.getByRole('table').waitFor();
    await page.getByText('heeft de connecties bekeken').first().waitFor();
    await check(page, 'toegang');
  });

  itIf(has('updateProfile'))('Jeroen changes his first name on the profile page', async () => {
    const page = await newPage();
    await signIn(page, 'jeroen@example.nl');
    await page.goto(`${stack.webUrl}/profiel`);
    await page.getByRole('heading', { name: 'Profiel', level: 1 }).waitFor();
    await check(page, 'profiel');
    const first = page.getByLabel('Voornaam');
    await first.fill('Jeroentje');
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await page.getByText('Opgeslagen.').waitFor();
    await page.reload();
    expect(await page.getByLabel('Voornaam').inputValue()).toBe('Jeroentje');
  });

  itIf(has('notificationPreferences'))('the notifications page lists the own account first', async () => {
    const page = await newPage();
    await signIn(page, 'jeroen@example.nl');
    await page.goto(`${stack.webUrl}/meldingen`);
    await page.getByRole('heading', { name: 'Je eigen account' }).waitFor();
    await check(page, 'meldingen');
  });

  itIf(has('pendingEmail') && has('securityLog'))('the profile page renders for a helper', async () => {
    const page = await newPage();
    await signIn(page, 'jeroen@example.nl');
    await page.goto(`${stack.webUrl}/profiel`);
    await page.getByRole('heading', { name: 'Waar je bent ingelogd' }).waitFor();
    await check(page, 'profiel-jeroen');
  });
});
