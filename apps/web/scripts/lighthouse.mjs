#!/usr/bin/env node
/*
 * `npm run bench:web`: Lighthouse 12 (Debian Chromium) on the sign-in page, the calendar and the
 * dossier, mobile and desktop (QUALITY.md, Speed: performance ≥ 95, accessibility 100), plus the
 * first-load JavaScript of every page route, computed from the build's manifests.
 *
 *   npm run build && npm run bench:web
 *
 * Starts the built API and web app on a fresh SQLite database with the demo circle (e2e/stack.cjs),
 * signs in as sanne@example.nl through next-auth's credentials callback, does the dossier's SMS
 * step-up with the code from the API's development outbox, and hands the session cookie to
 * Lighthouse as an extra header. Reports go to artifacts/lighthouse/<page>-<form factor>.json
 * (and the final screenshot as .jpg, to see what was measured).
 *
 * Options (env): CHROMIUM_PATH (default /usr/bin/chromium), LIGHTHOUSE_RUNS (runs per page and
 * form factor, the median by performance score is kept; default 3), LIGHTHOUSE_PAGES (e.g. "dossier").
 * Exits 1 when a page is below the bar and LIGHTHOUSE_STRICT=1.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';

const require = createRequire(import.meta.url);
const { REPO, startStack } = require('../e2e/stack.cjs');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const OUT = path.join(REPO, 'artifacts/lighthouse');
const NEXT_DIR = path.join(REPO, 'apps/web/.next');
const EMAIL = 'sanne@example.nl';
const PASSWORD = 'welkom-bij-kring';
const BAR = { performance: 95, accessibility: 100 };

const ALL_PAGES = [
  { name: 'login', path: '/login', signedIn: false },
  { name: 'kalender', path: '/kalender', signedIn: true },
  { name: 'dossier', path: '/dossier', signedIn: true, stepUp: true },
];
const only = process.env.LIGHTHOUSE_PAGES?.split(',').map((s) => s.trim());
const PAGES = only ? ALL_PAGES.filter((p) => only.includes(p.name)) : ALL_PAGES;

// ---------------------------------------------------------------------------------------------
// First-load JavaScript per route, from the build (Next 16 with Turbopack no longer prints sizes).

/**
 * For each app route: the root main files of build-manifest.json plus every entry chunk of the
 * route's client reference manifest (its layouts, page, error and not-found boundaries), which is
 * what the browser loads before the page is interactive. Lazy chunks (dynamic imports) are not in it.
 */
function firstLoadJs() {
  const build = JSON.parse(readFileSync(path.join(NEXT_DIR, 'build-manifest.json'), 'utf8'));
  const appPaths = JSON.parse(readFileSync(path.join(NEXT_DIR, 'server/app-paths-manifest.json'), 'utf8'));
  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) {
      const buf = readFileSync(path.join(NEXT_DIR, file));
      sizes.set(file, { raw: buf.length, gzip: gzipSync(buf).length });
    }
    return sizes.get(file);
  };
  const shared = build.rootMainFiles.filter((f) => f.endsWith('.js'));
  const sharedSize = shared.reduce((s, f) => s + sizeOf(f).gzip, 0);
  const rows = [];
  for (const [entry, file] of Object.entries(appPaths)) {
    if (!entry.endsWith('/page')) continue;
    const manifestFile = path.join(NEXT_DIR, 'server', file.replace(/\.js$/, '_client-reference-manifest.js'));
    if (!existsSync(manifestFile)) continue;
    globalThis.__RSC_MANIFEST = {};
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST[entry].
    new Function(readFileSync(manifestFile, 'utf8'))();
    const manifest = globalThis.__RSC_MANIFEST[entry];
    const files = new Set(shared);
    for (const list of Object.values(manifest?.entryJSFiles ?? {})) for (const f of list) files.add(f);
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const s = sizeOf(f);
      raw += s.raw;
      gzip += s.gzip;
    }
    const route = entry.replace(/\/page$/, '').replace(/\/\([^/]+\)/g, '') || '/';
    if (route.startsWith('/_')) continue;
    rows.push({ route, files: files.size, raw, gzip });
  }
  delete globalThis.__RSC_MANIFEST;
  rows.sort((a, b) => a.route.localeCompare(b.route));
  return { rows, sharedFiles: shared.length, sharedGzip: sharedSize };
}

// ---------------------------------------------------------------------------------------------
// Signing in and the SMS step-up, as a browser would (next-auth's credentials callback).

function cookiesOf(res) {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]);
}

async function signIn(webUrl) {
  const csrfRes = await fetch(`${webUrl}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${webUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrfRes).join('; '), origin: webUrl },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, callbackUrl: `${webUrl}/kalender`, json: 'true' }),
  });
  const session = cookiesOf(res).find((c) => /next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`signing in as ${EMAIL} gave no session cookie (HTTP ${res.status})`);
  return session;
}

async function graphql(webUrl, cookie, query, variables = {}) {
  const res = await fetch(`${webUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: webUrl, cookie },
    body: JSON.stringify({ query, variables }),
  });
  const json = await res.json();
  if (json.errors?.length) throw new Error(`GraphQL: ${json.errors.map((e) => e.extensions?.code ?? e.message).join(', ')}`);
  return json.data;
}

async function stepUp(stack, cookie) {
  const { requestStepUpCode } = await graphql(stack.webUrl, cookie, 'mutation { requestStepUpCode { sentTo expiresAt } }');
  const since = Date.now() - 60_000;
  for (let i = 0; i < 40; i++) {
    const rows = await (await fetch(`${stack.apiUrl}/dev/outbox`)).json();
    const sms = rows.find((r) => r.channel === 'sms' && Date.parse(r.createdAt) >= since && /\b\d{6}\b/.test(r.text));
    if (sms) {
      const code = /\b(\d{6})\b/.exec(sms.text)[1];
      await graphql(stack.webUrl, cookie, 'mutation($code: String!) { verifyStepUpCode(code: $code) { stepUpValidUntil } }', { code });
      return requestStepUpCode.sentTo;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('no SMS code in the dev outbox');
}

// ---------------------------------------------------------------------------------------------
// Lighthouse.

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** One Lighthouse run in a fresh Chromium; a run that failed to record (NO_NAVSTART and the like) is tried again. */
async function runLighthouse(url, formFactor, cookie, tries = 3) {
  for (let i = 1; ; i++) {
    const result = await runOnce(url, formFactor, cookie);
    if (!result.lhr.runtimeError) return result;
    if (i >= tries) throw new Error(`Lighthouse failed on ${url} (${formFactor}) ${tries} times: ${result.lhr.runtimeError.message}`);
    console.log(`  ${url} (${formFactor}): ${result.lhr.runtimeError.code}, trying again`);
  }
}

async function runOnce(url, formFactor, cookie) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    };
    // Mobile is Lighthouse's default config (Moto G Power, slow 4G, 4× CPU, simulated);
    // desktop is its desktop preset (dense 4G, no CPU slowdown, simulated).
    const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    return result;
  } finally {
    await chrome.kill();
  }
}

function summarise(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const scriptBytes = requests.filter((r) => r.resourceType === 'Script').reduce((s, r) => s + (r.transferSize ?? 0), 0);
  const failing = (category) =>
    lhr.categories[category].auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => `${ref.id} (${lhr.audits[ref.id].score})`);
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    lcp: audit('largest-contentful-paint'),
    fcp: audit('first-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    scriptBytes,
    finalUrl: lhr.finalDisplayedUrl,
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    lighthouseVersion: lhr.lighthouseVersion,
    warnings: lhr.runWarnings ?? [],
    perfMisses: failing('performance'),
    a11yMisses: failing('accessibility'),
  };
}

function saveReport(name, result) {
  writeFileSync(path.join(OUT, `${name}.json`), result.report);
  const shot = result.lhr.audits['final-screenshot']?.details?.data;
  const m = shot && /^data:image\/jpeg;base64,(.+)$/.exec(shot);
  if (m) writeFileSync(path.join(OUT, `${name}.jpg`), Buffer.from(m[1], 'base64'));
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (v) => `${Math.round(v)} ms`;

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });

const js = firstLoadJs();
console.log('\nFirst-load JavaScript per route (from .next/build-manifest.json rootMainFiles and each route\'s');
console.log('client reference manifest entryJSFiles; gzip -6 of the built chunks, as served by next start):\n');
console.log(table(['route', 'chunks', 'raw', 'gzip'], js.rows.map((r) => [r.route, r.files, kb(r.raw), kb(r.gzip)])));
console.log(`\nShared by all (${js.sharedFiles} root main chunks): ${kb(js.sharedGzip)} gzip.\n`);

const stack = await startStack('kring-lighthouse-');
const results = [];
let exitCode = 0;
try {
  const cookie = await signIn(stack.webUrl);
  let steppedUp = false;
  for (const page of PAGES) {
    if (page.stepUp && !steppedUp) {
      const sentTo = await stepUp(stack, cookie);
      console.log(`SMS step-up done (code to ${sentTo} read from the dev outbox).`);
      steppedUp = true;
    }
    for (const formFactor of ['mobile', 'desktop']) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        if (page.stepUp) {
          const { viewer } = await graphql(stack.webUrl, cookie, '{ viewer { stepUpValidUntil } }');
          if (!viewer?.stepUpValidUntil || Date.parse(viewer.stepUpValidUntil) < Date.now() + 120_000) await stepUp(stack, cookie);
        }
        const started = Date.now();
        const result = await runLighthouse(`${stack.webUrl}${page.path}`, formFactor, page.signedIn ? cookie : undefined);
        const s = summarise(result.lhr);
        console.log(`${page.name} ${formFactor} run ${i + 1}/${RUNS}: performance ${s.performance}, accessibility ${s.accessibility} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        runs.push({ result, s });
      }
      runs.sort((a, b) => a.s.performance - b.s.performance);
      const median = runs[Math.floor(runs.length / 2)];
      saveReport(`${page.name}-${formFactor}`, median.result);
      if (new URL(median.s.finalUrl).pathname !== page.path) {
        throw new Error(`${page.path} ended at ${median.s.finalUrl}: the session cookie did not reach the page`);
      }
      results.push({ page: page.name, formFactor, ...median.s });
    }
  }
} finally {
  await stack.stop();
}

console.log(`\nLighthouse ${results[0]?.lighthouseVersion ?? '?'}, ${CHROMIUM}, simulated throttling${RUNS > 1 ? `, median of ${RUNS} runs` : ''}:\n`);
console.log(
  table(
    ['page', 'form factor', 'performance', 'accessibility', 'LCP', 'TBT', 'CLS', 'JS transferred'],
    results.map((r) => [r.page, r.formFactor, r.performance, r.accessibility, ms(r.lcp), ms(r.tbt), (r.cls ?? NaN).toFixed(3), kb(r.scriptBytes)]),
  ),
);
console.log(`\nBenchmark index of this machine (Lighthouse's CPU figure; a typical desktop is 1000–2000): ${results.map((r) => Math.round(r.benchmarkIndex)).join(', ')}`);
for (const r of results) {
  const below = r.performance < BAR.performance || r.accessibility < BAR.accessibility;
  if (!below) continue;
  if (process.env.LIGHTHOUSE_STRICT === '1') exitCode = 1;
  console.log(`\nBelow the bar: ${r.page} ${r.formFactor} (performance ${r.performance}, accessibility ${r.accessibility})`);
  if (r.performance < BAR.performance) console.log(`  performance audits not passed: ${r.perfMisses.join(', ')}`);
  if (r.accessibility < BAR.accessibility) console.log(`  accessibility audits not passed: ${r.a11yMisses.join(', ')}`);
  for (const w of r.warnings) console.log(`  warning: ${w}`);
}
console.log(`\nReports: ${path.relative(process.cwd(), OUT)}/<page>-<form factor>.json (and .jpg, the final screenshot).`);
process.exit(exitCode);
