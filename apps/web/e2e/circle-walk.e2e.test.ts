import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { normaliseOutbox, type OutboxRow } from '../features/dev/outbox';
import { launchBrowser } from './browser';
import { startStack, type Stack } from './servers';

/**
 * Issue 4, "Done when", walked in one go in the browser: Sanne invites a new helper as BASIC, the
 * helper accepts from the e-mail and confirms a mobile number, Sanne raises them to TRUST (the helper
 * opens the dossier after their own SMS step-up), lowers them to NONE (the helper sees only her name
 * and picture), and Sanne's access log shows all of it.
 */
jest.setTimeout(180_000);

const SANNE_PHONE = '+31612345678';
const HELPER_PHONE = '+31633334444';
const HELPER_EMAIL = 'daan.walk@example.nl';
const HELPER_PASSWORD = 'een wandeling door de kring';

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
let consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: ${err.message}`));
  return page;
}

async function signIn(page: Page, email: string, password = 'welkom-bij-kring'): Promise<void> {
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

/** The ids already in the outbox: only a message sent after this moment counts. */
async function outboxIds(): Promise<Set<string>> {
  return new Set((await outboxRows()).map((r) => r.id));
}

function smsCode(before: Set<string>, phone: string): Promise<string> {
  return waitForOutbox(
    (rows) => {
      const sms = rows.find((r) => r.channel === 'sms' && !before.has(r.id) && r.to.replace(/\s/g, '') === phone);
      return sms ? /\b(\d{6})\b/.exec(sms.text)?.[1] : null;
    },
    `SMS code for ${phone}`,
  );
}

async function stepUp(page: Page, phone: string): Promise<void> {
  const before = await outboxIds();
  await page.getByRole('button', { name: 'Stuur sms-code' }).click();
  await page.getByText(/We hebben een code gestuurd naar/).waitFor();
  await page.getByLabel('Code uit de sms').fill(await smsCode(before, phone));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
}

function menuLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();
}

afterEach(() => {
  expect(consoleErrors).toEqual([]);
  consoleErrors = [];
});

describe('issue 4 walked through: invite BASIC → TRUST dossier → NONE → access log', () => {
  it('Sanne runs her circle and every step shows up in her access log', async () => {
    // Sanne opens the connections page behind her SMS step-up.
    const sanne = await newPage();
    await signIn(sanne, 'sanne@example.nl');
    await sanne.goto(`${stack.webUrl}/connecties`);
    await sanne.getByRole('heading', { name: 'Bevestig met sms-code' }).waitFor();
    await stepUp(sanne, SANNE_PHONE);
    await sanne.getByRole('heading', { name: 'Nodig helpende uit' }).waitFor();

    // She invites a new helper with basic rights.
    const invite = sanne.locator('section', { has: sanne.getByRole('heading', { name: 'Nodig helpende uit' }) });
    await invite.getByLabel('Voornaam').fill('Daan');
    await invite.getByLabel('Achternaam').fill('Wandel');
    await invite.getByLabel('E-mailadres').fill(HELPER_EMAIL);
    await invite.getByLabel('basisrechten').check();
    await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await sanne.getByText(`De uitnodiging is verstuurd naar ${HELPER_EMAIL}.`).waitFor();

    // The helper opens the link from the e-mail, makes a login and sees Sanne's account at BASIC.
    const link = await waitForOutbox(
      (rows) => {
        const mail = rows.find((r) => r.channel === 'email' && r.to === HELPER_EMAIL);
        return mail ? /https?:\/\/\S+\/uitnodiging\?token=[^\s"<>)]+/.exec(mail.text)?.[0] : null;
      },
      `invitation e-mail for ${HELPER_EMAIL}`,
    );
    const daan = await newPage();
    await daan.goto(link);
    await daan.getByText('Sanne de Vries vraagt je om te helpen en nodigt je uit in zijn of haar kring.').waitFor();
    await daan.getByText('Je krijgt: basisrechten').waitFor();
    await daan.getByLabel('Voornaam').fill('Daan');
    await daan.getByLabel('Achternaam').fill('Wandel');
    await daan.getByLabel('Nieuw wachtwoord').fill(HELPER_PASSWORD);
    await daan.getByLabel('Herhaal het nieuwe wachtwoord').fill(HELPER_PASSWORD);
    await daan.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await daan.waitForURL('**/kalender');
    await daan.getByRole('button', { name: /Sanne de Vries/ }).click();
    await daan.getByText('Je bekijkt het account van Sanne de Vries').waitFor();
    let menu = await menuLinks(daan);
    expect(menu).toContain('Kalender');
    expect(menu).toContain('Berichten');
    expect(menu).not.toContain('Dossier');
    expect(menu).not.toContain('Connecties');
    await daan.goto(`${stack.webUrl}/berichten`);
    await daan.getByRole('heading', { name: 'Berichten', level: 1 }).waitFor();
    expect(await daan.getByText('Niet voor jou').count()).toBe(0);

    // The helper adds a mobile number on the profile page and confirms it: e-mail "stuur code", then the SMS code.
    await daan.goto(`${stack.webUrl}/profiel`);
    await daan.getByRole('heading', { name: 'Profiel', level: 1 }).waitFor();
    const mailsBefore = await outboxIds();
    await daan.getByRole('textbox', { name: 'Mobiel nummer', exact: true }).fill(HELPER_PHONE);
    await daan.getByRole('button', { name: 'Nummer opslaan' }).click();
    await daan.getByText('We hebben een e-mail gestuurd met een knop "stuur code". Daarmee krijg je een sms met de code.').waitFor();
    const phoneLink = await waitForOutbox(
      (rows) => {
        const mail = rows.find((r) => r.channel === 'email' && !mailsBefore.has(r.id) && r.to === HELPER_EMAIL && /telefoon\/bevestigen/.test(r.text));
        return mail ? /https?:\/\/\S+\/telefoon\/bevestigen\?token=[^\s"<>)]+/.exec(mail.text)?.[0] : null;
      },
      `phone e-mail for ${HELPER_EMAIL}`,
    );
    await daan.goto(phoneLink);
    await daan.getByRole('heading', { name: 'Mobiel nummer bevestigen', level: 1 }).waitFor();
    const smsBefore = await outboxIds();
    await daan.getByRole('button', { name: 'Stuur code' }).click();
    await daan.getByText('De sms is verstuurd. De code is 10 minuten geldig.').waitFor();
    await daan.getByLabel('Bevestig met code').fill(await smsCode(smsBefore, HELPER_PHONE));
    await daan.getByRole('button', { name: 'Bevestigen' }).click();
    await daan.getByText("Je mobiele nummer is bevestigd. Je kunt nu de extra beveiligde pagina's openen.").waitFor();

    // Sanne raises the helper to her trust group with the "rechten" control.
    await sanne.reload();
    const people = sanne.locator('section', { has: sanne.getByRole('heading', { name: 'Connecties', level: 2 }) });
    const row = people.locator('li', { hasText: 'Daan Wandel' });
    await row.locator('strong', { hasText: 'Daan Wandel' }).waitFor();
    expect(await row.textContent()).toContain('basisrechten');
    const setLevel = async (label: string) => {
      await row.getByRole('button', { name: /rechten/ }).click();
      await row.getByRole('group', { name: 'Rechten van Daan Wandel' }).getByLabel(label, { exact: true }).check();
      await row.getByRole('button', { name: 'Opslaan' }).click();
      await sanne.getByText('De rechten van Daan Wandel zijn gewijzigd.').waitFor();
    };
    await setLevel('vertrouwensgroep');

    // The helper opens Sanne's dossier after their own SMS step-up.
    await daan.goto(`${stack.webUrl}/kalender`);
    await daan.getByText('Je bekijkt het account van Sanne de Vries').waitFor();
    await daan.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossier' }).waitFor();
    await daan.goto(`${stack.webUrl}/dossier`);
    await daan.getByRole('heading', { name: 'Bevestig met sms-code' }).waitFor();
    await stepUp(daan, HELPER_PHONE);
    await daan.getByRole('tab', { name: 'Zorgplannen' }).waitFor();

    // Sanne lowers the helper to no rights: from the very next request only her name and picture remain.
    await setLevel('geen rechten');
    await daan.goto(`${stack.webUrl}/kalender`);
    await daan.getByText('Je bekijkt het account van Sanne de Vries').waitFor();
    await daan.getByRole('button', { name: /Sanne de Vries/ }).waitFor();
    menu = await menuLinks(daan);
    expect(menu).toEqual(['Profiel']);
    for (const page of ['/berichten', '/dossier']) {
      await daan.goto(`${stack.webUrl}${page}`);
      await daan.getByText('Niet voor jou').waitFor();
    }
    expect(await daan.getByRole('tab', { name: 'Zorgplannen' }).count()).toBe(0);

    // Sanne's access log shows the invitation, both level changes and the helper's dossier opening.
    await sanne.goto(`${stack.webUrl}/toegang`);
    await sanne.getByRole('heading', { name: 'Wie heeft wat bekeken', level: 1 }).waitFor();
    if (await sanne.getByRole('button', { name: 'Stuur sms-code' }).count()) await stepUp(sanne, SANNE_PHONE);
    const table = sanne.getByRole('table');
    await table.waitFor();
    const rows = table.getByRole('row');
    await rows.filter({ hasText: 'heeft iemand uitgenodigd' }).filter({ hasText: 'Daan Wandel' }).filter({ hasText: 'basisrechten' }).first().waitFor();
    await rows.filter({ hasText: 'heeft rechten gewijzigd' }).filter({ hasText: 'Daan Wandel: basisrechten → vertrouwensgroep' }).first().waitFor();
    await rows.filter({ hasText: 'heeft rechten gewijzigd' }).filter({ hasText: 'Daan Wandel: vertrouwensgroep → geen rechten' }).first().waitFor();
    const opened = rows.filter({ hasText: 'heeft het dossier bekeken' }).filter({ hasText: 'Daan Wandel' });
    await opened.first().waitFor();
    expect(await opened.count()).toBeGreaterThanOrEqual(1);
  });
});
