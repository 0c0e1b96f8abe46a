#!/usr/bin/env node
// `npm start`: the demo. Builds (turbo skips what is up to date), keeps generated secrets in
// .data/secrets.json, starts the API (which migrates and seeds the demo circle on an empty
// database) and the web app, waits until both answer and says where to go.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_PORT = Number(process.env.PORT ?? 4000);
const WEB_PORT = Number(process.env.WEB_PORT ?? 3000);
const WEB_URL = process.env.PUBLIC_WEB_URL ?? `http://localhost:${WEB_PORT}`;
const API_URL = process.env.PUBLIC_API_URL ?? `http://localhost:${API_PORT}`;
const webDir = path.join(root, 'apps/web');
const hasWeb = ['app', 'src/app', 'pages', 'src/pages'].some((d) => existsSync(path.join(webDir, d)));

/** Generated once per checkout; the demo never ships a fixed secret. */
function secrets() {
  const dir = path.join(root, '.data');
  const file = path.join(dir, 'secrets.json');
  mkdirSync(dir, { recursive: true });
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const s = {
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    KRING_PROXY_SECRET: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(s, null, 2) + '\n', { mode: 0o600 });
  return s;
}

// NEXT_PUBLIC_ variables are inlined by `next build`, so the demo mark is set for the build too.
const demoEnv = { NEXT_PUBLIC_KRING_DEMO: '1' };

const started = Date.now();
const filter = hasWeb ? [] : ['--filter=!@kring/web'];
const build = spawnSync(path.join(root, 'node_modules/.bin/turbo'), ['run', 'build', '--output-logs=errors-only', ...filter], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...demoEnv },
});
if (build.status !== 0) {
  console.error('\nThe build failed; see the messages above.');
  process.exit(build.status ?? 1);
}
const buildSeconds = ((Date.now() - started) / 1000).toFixed(1);

const secret = secrets();
const children = [];

function start(name, cmd, args, opts) {
  const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\n${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
      stop(code ?? 1);
    } else if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) {
      process.exit(exitCode);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
let exitCode = 0;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  // Each process finishes its in-flight work on SIGTERM; do not wait forever.
  setTimeout(() => process.exit(exitCode), 15_000).unref();
  if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// Memory (QUALITY.md: ≤ 300 MB resident under load): a heap limit makes V8 collect before it grows
// (the live set is well under 100 MB), and two malloc arenas keep the native side from fragmenting.
const API_HEAP_MB = Number(process.env.KRING_API_HEAP_MB ?? 256);
start('The API', process.execPath, [`--max-old-space-size=${API_HEAP_MB}`, path.join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  env: {
    ...process.env,
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    // Libraries' fast paths only (graphql-js skips its development instanceof checks); Kring's own
    // production behaviour is decided by KRING_ENV, never by NODE_ENV.
    NODE_ENV: 'production',
    PORT: String(API_PORT),
    PUBLIC_WEB_URL: WEB_URL,
    PUBLIC_API_URL: API_URL,
    KRING_PROXY_SECRET: process.env.KRING_PROXY_SECRET ?? secret.KRING_PROXY_SECRET,
  },
});

if (hasWeb) {
  const next = createRequire(path.join(webDir, 'package.json')).resolve('next/dist/bin/next');
  start('The web app', process.execPath, [next, 'start', '-p', String(WEB_PORT)], {
    cwd: webDir,
    env: {
      ...process.env,
      ...demoEnv,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? WEB_URL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secret.NEXTAUTH_SECRET,
      KRING_API_URL: process.env.KRING_API_URL ?? `http://127.0.0.1:${API_PORT}`,
      KRING_PUBLIC_API_URL: process.env.KRING_PUBLIC_API_URL ?? API_URL,
      KRING_PROXY_SECRET: process.env.KRING_PROXY_SECRET ?? secret.KRING_PROXY_SECRET,
    },
  });
}

async function answers(url) {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

async function waitFor(url, what) {
  const deadline = Date.now() + 120_000;
  while (!stopping && Date.now() < deadline) {
    if (await answers(url)) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  if (!stopping) console.error(`${what} did not answer at ${url} within 2 minutes.`);
  return false;
}

const ok = (await waitFor(`http://127.0.0.1:${API_PORT}/healthz`, 'The API')) &&
  (!hasWeb || (await waitFor(`http://127.0.0.1:${WEB_PORT}/`, 'The web app')));
if (!ok) stop(1);
else {
  const lines = [
    '',
    '  Kring is running (demo).',
    '',
    hasWeb ? `  Web app:  ${WEB_URL}` : '  Web app:  not built yet (apps/web has no pages).',
    `  API:      ${API_URL}/graphql`,
    '',
    '  Demo logins (password: welkom-bij-kring), all in the circle of Sanne:',
    '    sanne@example.nl    MANAGER of her own account',
    '    jeroen@example.nl   TRUST',
    '    fatima@example.nl   BASIC',
    '    pieter@example.nl   NONE',
    '',
    `  SMS codes and e-mails are not sent: they appear at ${WEB_URL}/dev/outbox`,
    `  Build time: ${buildSeconds} s. Stop with Ctrl+C.`,
    '',
  ];
  console.log(lines.join('\n'));
}
