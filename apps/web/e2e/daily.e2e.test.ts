import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { normaliseOutbox, type OutboxRow } from '../features/dev/outbox';
import { axeViolations, launchBrowser, screenshots } from './browser';
import { REPO, startStack, type Stack } from './servers';

/*
 * Issue 6, "Done when": the demo provider publishes a changed care plan → Jeroen (TRUST) gets
 * the e-mail, Fatima (BASIC) does not → Jeroen opens the dossier after the step-up and sees the
 * new version; Fatima posts a message → Sanne and Jeroen get one e-mail each; the help panel
 * finds the answer to "sms code" in Dutch.
 */

jest.setTimeout(180_000);

const PASSWORD = 'welkom-bij-kring';
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

beforeEach(() => {
  consoleErrors = [];
});

afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: ${err.message}`));
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/kalender');
  return page;
}

/** Opens Sanne's account with her picture button at the top. */
async function openSanne(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Wiens account' }).getByRole('button', { name: 'Open het account van Sanne de Vries' }).click();
  await page.getByText('Je bekijkt het account van Sanne de Vries').waitFor();
}

async function outbox(): Promise<OutboxRow[]> {
  const res = await fetch(`${stack.apiUrl}/dev/outbox`);
  return res.ok ? normaliseOutbox(await res.json()) : [];
}

/** Polls the dev outbox (the notification job runs every 5 s) until `done` holds, at most ~30 s. */
async function outboxUntil(done: (rows: OutboxRow[]) => boolean, what: string): Promise<OutboxRow[]> {
  for (let i = 0; i < 120; i++) {
    const rows = await outbox();
    if (done(rows)) return rows;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not in the dev outbox within 30 s: ${what}`);
}

async function latestSmsCode(to: string, after: Set<string>): Promise<string> {
  const rows = await outboxUntil((r) => r.some((x) => x.channel === 'sms' && x.to.replace(/\s/g, '') === to && !after.has(x.id)), `SMS to ${to}`);
  const sms = rows.find((x) => x.channel === 'sms' && x.to.replace(/\s/g, '') === to && !after.has(x.id));
  const code = sms && /\b(\d{6})\b/.exec(sms.text)?.[1];
  if (!code) throw new Error(`no SMS code for ${to}`);
  return code;
}

const mailsTo = (rows: OutboxRow[], kind: string, to: string) => rows.filter((r) => r.channel === 'email' && r.kind === kind && r.to === to);

/** A fresh API key for the demo provider, from the CLI on the stack's database (the demo seeds none). */
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

const NEW_PLAN_LINE = 'Na de evaluatie: de slaapdoelen blijven, het piekerkwartier wordt een vast onderdeel van de dag.';

describe('a day in Kring (issue 6)', () => {
  it('a changed care plan reaches Jeroen (TRUST) by e-mail and not Fatima (BASIC); Jeroen reads the new version after the SMS step-up', async () => {
    const key = providerKey();
    const published = await providerGql(
      key,
      'mutation($i: ProviderDossierItemInput!) { providerPublishDossierItem(input: $i) { id status } }',
      {
        i: {
          externalId: 'GGZV-PLAN-0001', // the demo care plan: a new version of it
          externalPatientId: 'GGZV-10234',
          kind: 'CARE_PLAN',
          title: 'Zorgplan',
          body: `Hulpvraag\nSanne wil weer beter slapen, minder piekeren en haar werk volhouden.\n\nBijgesteld\n${NEW_PLAN_LINE}`,
          authorName: 'Marieke Bos, psycholoog',
          authoredAt: new Date().toISOString(),
        },
      },
    );
    expect(published.providerPublishDossierItem).toMatchObject({ status: 'UPDATED' });

    const rows = await outboxUntil((r) => mailsTo(r, 'care-plan-changed', 'jeroen@example.nl').length > 0, "Jeroen's care-plan e-mail");
    const [mail] = mailsTo(rows, 'care-plan-changed', 'jeroen@example.nl');
    expect(mail?.subject).toBe('Zorgplan bijgewerkt voor Sanne de Vries');
    // No health content leaves Kring: not the plan's text, not even the provider's name.
    expect(`${mail?.subject} ${mail?.text}`).not.toContain('piekerkwartier');
    expect(`${mail?.subject} ${mail?.text}`).not.toContain('GGZ Voorbeeld');
    expect(mail?.text).toContain(`${stack.webUrl}/dossier`);
    // Sent in the same run as Jeroen's, so it would be there by now.
    expect(mailsTo(rows, 'care-plan-changed', 'fatima@example.nl')).toEqual([]);

    const jeroen = await signedIn('jeroen@example.nl');
    await openSanne(jeroen);
    await jeroen.goto(`${stack.webUrl}/dossier`);
    await jeroen.getByRole('heading', { name: 'Bevestig met sms-code' }).waitFor();
    const before = new Set((await outbox()).map((r) => r.id));
    await jeroen.getByRole('button', { name: 'Stuur sms-code' }).click();
    await jeroen.getByText(/We hebben een code gestuurd naar/).waitFor();
    await jeroen.getByLabel('Code uit de sms').fill(await latestSmsCode('+31687654321', before));
    await jeroen.getByRole('button', { name: 'Bevestigen' }).click();
    await jeroen.getByRole('tab', { name: 'Zorgplannen' }).click();
    const plans = jeroen.getByRole('tabpanel', { name: 'Zorgplannen' });
    await plans.getByText(NEW_PLAN_LINE).waitFor();
    await plans.getByText(/bijgewerkt .* \(versie 2\)/).waitFor();
    // Only the current version is shown.
    expect(await plans.getByText(/Binnen acht weken slaapt Sanne/).count()).toBe(0);
    await screenshots(jeroen, 'dossier-nieuwe-versie');
    expect(await axeViolations(jeroen)).toEqual([]);
  });

  it('Fatima posts a message on Sanne\'s account: Sanne and Jeroen get one e-mail each, Fatima none', async () => {
    const before = new Set((await outbox()).map((r) => r.id));
    const fatima = await signedIn('fatima@example.nl');
    await openSanne(fatima);
    await fatima.goto(`${stack.webUrl}/berichten`);
    await fatima.getByLabel('Nieuw bericht').fill('Ik kom donderdag langs met soep.');
    await fatima.getByRole('button', { name: 'Versturen' }).click();
    await fatima.getByText('Bericht verstuurd.').waitFor();
    await fatima.getByText('Ik kom donderdag langs met soep.').waitFor();

    const fresh = (rows: OutboxRow[]) => rows.filter((r) => !before.has(r.id));
    await outboxUntil(
      (r) => mailsTo(fresh(r), 'new-messages', 'sanne@example.nl').length > 0 && mailsTo(fresh(r), 'new-messages', 'jeroen@example.nl').length > 0,
      'the message e-mails of Sanne and Jeroen',
    );
    // One more round of the notification job (every 5 s): still one each, none for Fatima or Pieter (NONE).
    await new Promise((r) => setTimeout(r, 6_000));
    const rows = fresh(await outbox());
    for (const to of ['sanne@example.nl', 'jeroen@example.nl']) {
      const mails = mailsTo(rows, 'new-messages', to);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe('Nieuw bericht voor Sanne de Vries');
      expect(mails[0]?.text).not.toContain('soep');
    }
    expect(mailsTo(rows, 'new-messages', 'fatima@example.nl')).toEqual([]);
    expect(mailsTo(rows, 'new-messages', 'pieter@example.nl')).toEqual([]);
  });

  it('the help panel finds the answer to "sms code" in Dutch', async () => {
    const page = await signedIn('fatima@example.nl');
    await page.getByRole('button', { name: 'Hulp en vragen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hulp en vragen' });
    await dialog.waitFor();
    await dialog.getByRole('searchbox', { name: 'Zoek in de veelgestelde vragen' }).fill('sms code');
    await dialog.getByRole('button', { name: 'Zoeken' }).click();
    const question = dialog.locator('.faq summary').first();
    await question.filter({ hasText: 'Waarom vraagt Kring om een sms-code?' }).waitFor();
    await question.click();
    await dialog.getByText(/code van 6 cijfers die je per sms krijgt/).waitFor();
    await screenshots(page, 'help-sms-code');
    expect(await axeViolations(page)).toEqual([]);
  });
});
