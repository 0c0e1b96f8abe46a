import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { normaliseOutbox } from '../features/dev/outbox';
import { SCREENSHOTS, axeViolations, launchBrowser } from './browser';
import { startStack, type Stack } from './servers';
import { en } from '../lib/i18n/en';
import { nl, type MessageKey } from '../lib/i18n/nl';

/*
 * Issue 6, "the whole contract": every page of the web app, at 360 px and 1280 px, in Dutch and
 * English: a screenshot of each (<page>-<lang>-<width>.png, kept as CI artefacts, not compared),
 * no axe violations, and no sideways scrolling on a phone.
 */

jest.setTimeout(180_000);

const PASSWORD = 'welkom-bij-kring';
const WIDTHS = [360, 1280] as const;
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Lang = 'nl' | 'en';

const DICT = { nl, en } as const;

const TEXT = {
  nl: { english: 'English', email: 'E-mailadres', password: 'Wachtwoord', signIn: 'Inloggen', stepUp: 'Bevestig met sms-code', send: 'Stuur sms-code', code: 'Code uit de sms', verify: 'Bevestigen' },
  en: { english: 'English', email: 'E-mail address', password: 'Password', signIn: 'Sign in', stepUp: 'Confirm with a text-message code', send: 'Send code', code: 'Code from the text message', verify: 'Confirm' },
} as const;

/** Signed out: reached from a letter, an e-mail or a typo. */
const PUBLIC_PAGES: [name: string, url: string, title: MessageKey | null][] = [
  ['login', '/login', 'login.title'],
  ['activeren', '/activeren', 'activate.title'],
  ['uitnodiging', '/uitnodiging?token=onbekend', 'invite.title'],
  ['wachtwoord-vergeten', '/wachtwoord-vergeten', 'forgot.title'],
  ['wachtwoord-herstellen', '/wachtwoord-herstellen?token=onbekend', 'reset.title'],
  ['e-mail-bevestigen', '/e-mail/bevestigen?token=onbekend', 'verifyEmail.title'],
  ['telefoon-bevestigen', '/telefoon/bevestigen?token=onbekend', 'verifyPhone.title'],
  ['dev-outbox', '/dev/outbox', 'outbox.title'],
  ['not-found', '/bestaat-niet', null],
];

/** Signed in as Sanne (manager of her own account); dossier, connections and access log after the SMS step-up. */
const APP_PAGES: [name: string, url: string, title: MessageKey | null][] = [
  ['kalender', '/kalender', 'calendar.title'],
  ['kalender-week', '/kalender?weergave=week', 'calendar.title'],
  ['kalender-agenda', '/kalender?weergave=agenda', 'calendar.title'],
  ['dossier', '/dossier', 'dossier.title'],
  ['connecties', '/connecties', 'connections.title'],
  ['toegang', '/toegang', 'access.title'],
  ['meldingen', '/meldingen', 'notify.title'],
  ['berichten', '/berichten', 'messages.title'],
  ['notities', '/notities', 'notes.title'],
  ['profiel', '/profiel', 'profile.title'],
  ['not-found-ingelogd', '/bestaat-niet', null],
];

async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Apollo answers land after networkidle at times; wait for the loading notices to go.
  await page.waitForFunction(() => !/^(Laden|Loading)/.test(document.querySelector('main [role="status"]')?.textContent ?? ''), undefined, { timeout: 10_000 }).catch(() => undefined);
}

/** Screenshot, axe and sideways scrolling at both widths; returns what is wrong. */
async function checkPage(page: Page, name: string, lang: Lang): Promise<string[]> {
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    await page.waitForTimeout(150);
    if (width === 360) {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > 360) {
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > 361)
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)})`),
        );
        problems.push(`${width}px: scrollWidth ${scrollWidth} > 360: ${wide.join(', ')}`);
      }
    }
    problems.push(...(await axeViolations(page)).map((v) => `${width}px: ${v}`));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${lang}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return problems;
}

describe.each<Lang>(['nl', 'en'])('every page in %s', (lang) => {
  const T = TEXT[lang];
  let context: BrowserContext;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    page = await context.newPage();
    page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
    await page.goto(`${stack.webUrl}/login`);
    if (lang === 'en') {
      // The language switch on the sign-in page, the way a visitor does it.
      await page.getByRole('button', { name: T.english }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    }
  });

  afterAll(async () => {
    await context?.close();
  });

  beforeEach(() => {
    errors = [];
  });

  it.each(PUBLIC_PAGES)('signed out: %s', async (name, url, title) => {
    await page.goto(`${stack.webUrl}${url}`);
    await settle(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.title()).toBe(title ? `${DICT[lang][title]} · Kring` : 'Kring');
    expect(await checkPage(page, name, lang)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('signs in (and in English makes it the profile language) and passes the SMS step-up', async () => {
    await page.goto(`${stack.webUrl}/login`);
    await page.getByLabel(T.email).fill('sanne@example.nl');
    await page.getByLabel(T.password).fill(PASSWORD);
    await page.getByRole('button', { name: T.signIn }).click();
    await page.waitForURL('**/kalender');
    if (lang === 'en') {
      // Signed in, the profile's language counts: choose English there.
      await page.goto(`${stack.webUrl}/profiel`);
      await page.getByLabel('Taal van Kring en van de e-mails').selectOption('en');
      await page.getByRole('button', { name: 'Opslaan' }).first().click();
      await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 10_000 }).catch(() => undefined);
      await page.reload();
    }
    await page.goto(`${stack.webUrl}/kalender`);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);

    await page.goto(`${stack.webUrl}/dossier`);
    await page.getByRole('heading', { name: T.stepUp }).waitFor();
    await checkPage(page, 'step-up', lang).then((p) => expect(p).toEqual([]));
    const seen = new Set(normaliseOutbox(await (await fetch(`${stack.apiUrl}/dev/outbox`)).json()).map((r) => r.id));
    await page.getByRole('button', { name: T.send }).click();
    let code: string | undefined;
    for (let i = 0; i < 40 && !code; i++) {
      const sms = normaliseOutbox(await (await fetch(`${stack.apiUrl}/dev/outbox`)).json()).find((r) => r.channel === 'sms' && !seen.has(r.id) && r.to.replace(/\s/g, '') === '+31612345678');
      code = sms ? /\b(\d{6})\b/.exec(sms.text)?.[1] : undefined;
      if (!code) await page.waitForTimeout(250);
    }
    if (!code) throw new Error('no SMS code in the dev outbox');
    await page.getByLabel(T.code).fill(code);
    await page.getByRole('button', { name: T.verify }).click();
    await page.getByRole('tablist').waitFor();
  });

  it.each(APP_PAGES)('signed in: %s', async (name, url, title) => {
    await page.goto(`${stack.webUrl}${url}`);
    await settle(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.title()).toBe(title ? `${DICT[lang][title]} · Kring` : 'Kring');
    // The step-up holds for the protected pages.
    expect(await page.getByRole('heading', { name: T.stepUp }).count()).toBe(0);
    expect(await checkPage(page, name, lang)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a short page fits the screen: no scrolling for the room under the help bubble', async () => {
    for (const url of ['/meldingen', '/login']) {
      await page.goto(`${stack.webUrl}${url}`);
      await settle(page);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the phone menu, opened', async () => {
    await page.goto(`${stack.webUrl}/kalender`);
    await settle(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.locator('.menu-button').click();
    await page.locator('#main-menu.open').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, `menu-${lang}-360.png`) });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the help panel, opened', async () => {
    await page.goto(`${stack.webUrl}/meldingen`);
    await settle(page);
    await page.locator('.help-bubble').click();
    await page.getByRole('dialog').waitFor();
    expect(await checkPage(page, 'help', lang)).toEqual([]);
  });
});
