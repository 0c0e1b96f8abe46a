import type { Browser, Page } from 'playwright-core';
import { normaliseOutbox, type OutboxRow } from '../features/dev/outbox';
import { axeViolations, launchBrowser, screenshots } from './browser';
import { startStack, type Stack } from './servers';

jest.setTimeout(150_000);

const PASSWORD = 'welkom-bij-kring';
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/kalender');
  return page;
}

/** The newest e-mail in the dev outbox that matches; the outbox is written in the same transaction, but poll a moment anyway. */
async function outboxMail(match: (r: OutboxRow) => boolean): Promise<OutboxRow> {
  for (let i = 0; i < 40; i++) {
    const row = normaliseOutbox(await (await fetch(`${stack.apiUrl}/dev/outbox`)).json()).find((r) => r.channel === 'email' && match(r));
    if (row) return row;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('no such e-mail in the dev outbox');
}

/**
 * The "10:00 Tennis" buttons of the agenda list, one per occurrence, once there are `expected`
 * of them (polled: the list is refetched after a change, and networkidle was reached long before).
 */
async function tennisTimes(page: Page, expected: number): Promise<string[]> {
  const list = page.locator('.agenda-list');
  await list.waitFor();
  const buttons = list.getByRole('button', { name: /Tennis/ });
  for (let i = 0; i < 60 && (await buttons.count()) !== expected; i++) await page.waitForTimeout(250);
  return buttons.allTextContents();
}

describe('the tennis example (issue 5)', () => {
  it('weekly tennis stays at 10:00 across the clock changes, reaches Jeroen, and one Wednesday can be cancelled', async () => {
    const sanne = await signedIn('sanne@example.nl');
    await sanne.goto(`${stack.webUrl}/kalender?datum=2022-01-05&weergave=agenda`);
    await sanne.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await sanne.getByLabel('Waar gaat dit over?').fill('Tennis');
    await sanne.getByLabel('Datum', { exact: true }).fill('2022-01-05');
    await sanne.getByLabel('Begintijd').fill('10:00');
    await sanne.getByLabel('Herhalende afspraak').check();
    await sanne.getByLabel('Jeroen de Vries').check();
    await screenshots(sanne, 'kalender-afspraak-toevoegen');
    expect(await axeViolations(sanne)).toEqual([]);
    await sanne.getByRole('button', { name: 'Opslaan' }).click();
    await sanne.getByText('De afspraak is opgeslagen.').waitFor();

    // Wednesdays in January (winter time) and in April (summer time): always 10:00.
    expect(await tennisTimes(sanne, 4)).toEqual(['10:00 Tennis', '10:00 Tennis', '10:00 Tennis', '10:00 Tennis']);
    await sanne.goto(`${stack.webUrl}/kalender?datum=2022-04-01&weergave=agenda`);
    expect(await tennisTimes(sanne, 4)).toEqual(['10:00 Tennis', '10:00 Tennis', '10:00 Tennis', '10:00 Tennis']);
    await sanne.goto(`${stack.webUrl}/kalender?datum=2022-11-01&weergave=agenda`);
    expect(await tennisTimes(sanne, 5)).toEqual(['10:00 Tennis', '10:00 Tennis', '10:00 Tennis', '10:00 Tennis', '10:00 Tennis']);

    // Jeroen got an e-mail about it, and finds it in his agenda.
    const invite = await outboxMail((r) => r.kind === 'appointment-invite' && r.to === 'jeroen@example.nl');
    expect(invite.subject).toBe('Sanne de Vries vraagt je mee te gaan');
    expect(invite.text).toContain('"Tennis"');
    expect(invite.text).toContain(`${stack.webUrl}/kalender`);
    const jeroen = await signedIn('jeroen@example.nl');
    await jeroen.goto(`${stack.webUrl}/kalender?datum=2022-01-05&weergave=agenda`);
    await jeroen.getByLabel('Toon de afspraken van iedereen die ik help').check();
    expect(await tennisTimes(jeroen, 4)).toHaveLength(4);

    // Sanne cancels 12 January only.
    await sanne.goto(`${stack.webUrl}/kalender?datum=2022-01-05&weergave=agenda`);
    await sanne.locator('.agenda-list').getByRole('button', { name: /Tennis/ }).nth(1).click();
    const dialog = sanne.getByRole('dialog');
    await dialog.getByText(/12 januari 2022/).waitFor();
    await screenshots(sanne, 'kalender-afspraak');
    expect(await axeViolations(sanne)).toEqual([]);
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await dialog.getByRole('button', { name: 'Alleen deze keer' }).click();
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await sanne.getByText('De afspraak is verwijderd.').waitFor();
    expect(await tennisTimes(sanne, 3)).toHaveLength(3);
    expect(await sanne.locator('.agenda-list').getByText(/12 januari/).count()).toBe(0);

    await jeroen.reload();
    await jeroen.getByLabel('Toon de afspraken van iedereen die ik help').check();
    expect(await tennisTimes(jeroen, 3)).toHaveLength(3);

    await sanne.goto(`${stack.webUrl}/kalender?datum=2022-01-05&weergave=maand`);
    await screenshots(sanne, 'kalender-maand');
    expect(await axeViolations(sanne)).toEqual([]);
  });
});
