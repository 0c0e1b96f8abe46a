// The built API and web app on free ports, on a fresh SQLite database with the demo circle.
// Shared by the browser tests (servers.ts, typed there) and `npm run bench:web`
// (apps/web/scripts/lighthouse.mjs); plain CommonJS so that both jest and node load it as is.
'use strict';
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, rmSync, createWriteStream } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');

const REPO = path.resolve(__dirname, '../../..');
const WEB = path.join(REPO, 'apps/web');
const API_MAIN = path.join(REPO, 'apps/api/dist/main.js');

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child, what, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}; see its log in the data dir`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs} ms`);
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the built API (fresh SQLite in a temp dir, demo circle seeded) and the built web app on free ports.
 * `prefix` names the temp dir; KEEP_E2E_DATA=1 keeps it (with api.log and web.log) after stop().
 */
async function startStack(prefix = 'kring-e2e-') {
  if (!existsSync(API_MAIN)) throw new Error('apps/api/dist/main.js is missing: run `npm run build -w @kring/api` first');
  if (!existsSync(path.join(WEB, '.next/BUILD_ID'))) throw new Error('apps/web/.next is missing: run `npm run build -w @kring/web` first');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const proxySecret = randomBytes(24).toString('hex');

  // The embedded SQLite default, whatever the shell says.
  const baseEnv = { ...process.env };
  delete baseEnv.DATABASE_URL;
  const api = spawn(process.execPath, [API_MAIN], {
    cwd: REPO,
    env: {
      ...baseEnv,
      KRING_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      PUBLIC_WEB_URL: webUrl,
      PUBLIC_API_URL: apiUrl,
      KRING_PROXY_SECRET: proxySecret,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const apiLog = createWriteStream(path.join(dataDir, 'api.log'));
  api.stdout.pipe(apiLog);
  api.stderr.pipe(apiLog);

  const web = spawn(process.execPath, [require.resolve('next/dist/bin/next', { paths: [WEB] }), 'start', '-p', String(webPort), '-H', '127.0.0.1'], {
    cwd: WEB,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXTAUTH_URL: webUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      KRING_API_URL: apiUrl,
      KRING_PROXY_SECRET: proxySecret,
      NEXT_PUBLIC_KRING_DEMO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const webLog = createWriteStream(path.join(dataDir, 'web.log'));
  web.stdout.pipe(webLog);
  web.stderr.pipe(webLog);

  const stop = async () => {
    await Promise.all([stopChild(web), stopChild(api)]);
    if (!process.env.KEEP_E2E_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${apiUrl}/healthz`, api, 'API');
    await waitFor(`${webUrl}/login`, web, 'web app');
  } catch (err) {
    process.env.KEEP_E2E_DATA = '1';
    await stop();
    throw new Error(`${err.message} (logs in ${dataDir})`);
  }
  return { apiUrl, webUrl, dataDir, stopApi: () => stopChild(api), stop };
}

module.exports = { REPO, freePort, startStack };
