#!/usr/bin/env node
/*
 * Kring's speed figures (QUALITY.md, Speed), measured against baselines run in the same invocation:
 * a bare node:http server returning the same bytes, and a bare Apollo Server serving the same
 * data from memory. The work: a helper of 5 care recipients, each with 300 provider appointments,
 * 20 weekly series with exceptions, 500 messages, 50 notes and 200 dossier items.
 *
 *   npm run build && npm run bench:calendar            (embedded SQLite in a temp dir)
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/kring_bench npm run bench:calendar
 *
 * Options (env): BENCH_SECONDS (default 10), BENCH_ACCOUNTS (5), BENCH_SMALL=1 (a quick smoke run),
 * BENCH_SOAK_MINUTES (0: after the figures, that many minutes of mixed load with the API's
 * resident memory sampled every minute — QUALITY.md asks for 10, flat over the last 5).
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fork } from 'node:child_process';

const require = createRequire(import.meta.url);
const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
require('reflect-metadata');
const autocannon = require('autocannon');
const pino = require('pino');
const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');
const { buildSchema } = require('graphql');
const { createApp } = require(`${dist}/app.js`);
const { openDb } = require(`${dist}/db/data-source.js`);
const { parseEnv } = require(`${dist}/env.js`);
const { systemClock } = require(`${dist}/core/clock.js`);
const { createProvider, issueProviderKey } = require(`${dist}/modules/providers/provider-key.service.js`);
const { createUserWithAccount } = require(`${dist}/modules/accounts/user.service.js`);
const { hashPassword } = require(`${dist}/modules/sessions/password-hash.js`);
const { SessionEntity } = require(`${dist}/modules/sessions/session.entity.js`);
const { UserEntity } = require(`${dist}/modules/accounts/user.entity.js`);

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SMALL = process.env.BENCH_SMALL === '1';
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 5);
const SOAK_MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 0);
const N = SMALL
  ? { provider: 20, series: 3, messages: 20, notes: 5, dossier: 10 }
  : { provider: 300, series: 20, messages: 500, notes: 50, dossier: 200 };
const PASSWORD = 'bench-password-not-secret';

async function pool(items, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function client(url) {
  return async (query, variables = {}, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors[0])}`);
    return body.data;
  };
}

async function seed(gql, db, now) {
  const { key } = await db.tx(async (m) => {
    const provider = await createProvider(m, now, { name: 'GGZ Bench', contactPhone: null, contactEmail: null });
    return { key: await issueProviderKey(m, now, provider.id) };
  });
  const passwordHash = await hashPassword(PASSWORD);
  await db.tx((m) => createUserWithAccount(m, now, { email: 'helper@bench.example', firstName: 'Hanna', lastName: 'Helper', passwordHash, emailVerifiedAt: now }));
  const { signIn } = await gql(`mutation { signIn(email: "helper@bench.example", password: "${PASSWORD}") { token } }`);
  const token = signIn.token;
  const accountIds = [];
  const day = 86_400_000;
  for (let a = 0; a < ACCOUNTS; a++) {
    const ext = `patient-${a}`;
    await gql(
      'mutation($i: ProviderPatientInput!) { providerUpsertPatient(input: $i) { id } }',
      { i: { externalId: ext, firstName: `Cliënt${a}`, lastName: 'Bench', birthDate: '1990-01-01' } },
      key.key,
    );
    const { providerIssueActivationLetter: letter } = await gql(
      'mutation($e: String!) { providerIssueActivationLetter(externalPatientId: $e) { code } }',
      { e: ext },
      key.key,
    );
    await gql(
      'mutation($i: ActivateAccountInput!) { activateAccount(input: $i) { token } }',
      { i: { code: letter.code, birthDate: '1990-01-01', forSelf: false } },
      token,
    );
  }
  const { viewer } = await gql('{ viewer { accounts { own account { id } } } }', {}, token);
  for (const row of viewer.accounts) if (!row.own) accountIds.push(row.account.id);
  for (const [a, accountId] of accountIds.entries()) {
    const ext = `patient-${a}`;
    await pool([...Array(N.provider).keys()], 8, (i) =>
      gql(
        'mutation($i: ProviderAppointmentInput!) { providerUpsertAppointment(input: $i) { id } }',
        {
          i: {
            externalId: `appt-${a}-${i}`,
            externalPatientId: ext,
            title: 'Gesprek',
            start: new Date(now.getTime() + (i - N.provider / 2) * day + 9 * 3600_000).toISOString(),
            durationMinutes: 45,
            practitionerName: 'Dr. Bench',
          },
        },
        key.key,
      ),
    );
    await pool([...Array(N.series).keys()], 4, async (i) => {
      const { createAppointment } = await gql(
        'mutation($a: ID!, $i: AppointmentInput!) { createAppointment(accountId: $a, input: $i) { id } }',
        {
          a: accountId,
          i: {
            title: `Serie ${i}`,
            start: new Date(now.getTime() - 365 * day + i * 3600_000).toISOString(),
            durationMinutes: 60,
            recurrence: { frequency: 'WEEKLY', interval: 1 },
          },
        },
        token,
      );
      const { account } = await gql(
        'query($a: ID!, $f: DateTimeISO!, $t: DateTimeISO!) { account(id: $a) { calendar(from: $f, to: $t) { originalStart appointment { id } } } }',
        { a: accountId, f: new Date(now.getTime() - 30 * day).toISOString(), t: now.toISOString() },
        token,
      );
      const own = account.calendar.filter((o) => o.appointment.id === createAppointment.id).slice(0, 2);
      for (const o of own) {
        await gql(
          'mutation($id: ID!, $o: DateTimeISO) { deleteAppointment(id: $id, scope: THIS_OCCURRENCE, occurrenceStart: $o) }',
          { id: createAppointment.id, o: o.originalStart },
          token,
        );
      }
    });
    await pool([...Array(N.messages).keys()], 8, (i) =>
      gql(
        'mutation($a: ID!, $b: String!, $au: Audience!) { postMessage(accountId: $a, audience: $au, body: $b) { id } }',
        { a: accountId, b: `Bericht ${i}`, au: i % 3 ? 'ALL_CONNECTIONS' : 'TRUST_GROUP' },
        token,
      ),
    );
    await pool([...Array(N.notes).keys()], 8, (i) =>
      gql('mutation($a: ID!, $i: NoteInput!) { createNote(accountId: $a, input: $i) { id } }', { a: accountId, i: { title: `Notitie ${i}`, body: 'Tekst' } }, token),
    );
    await pool([...Array(N.dossier).keys()], 8, (i) =>
      gql(
        'mutation($i: ProviderDossierItemInput!) { providerPublishDossierItem(input: $i) { id } }',
        {
          i: {
            externalId: `item-${a}-${i}`,
            externalPatientId: ext,
            kind: ['CARE_REPORT', 'CARE_PLAN', 'QUESTIONNAIRE'][i % 3],
            title: `Item ${i}`,
            body: 'Rapportage '.repeat(40),
            authoredAt: new Date(now.getTime() - i * day).toISOString(),
            answers: i % 3 === 2 ? [{ question: 'Hoe gaat het?', answer: 'Goed' }] : [],
          },
        },
        key.key,
      ),
    );
  }
  return { token, accountIds };
}

function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: SECONDS, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const fmt = (r) => ({
  reqPerSec: Math.round(r.requests.average),
  p50ms: r.latency.p50,
  p99ms: r.latency.p99,
  ok: r['2xx'],
  errors: r.errors + r.non2xx,
  timeouts: r.timeouts,
});

/** Child process: the Kring API, seeded; tells the parent where it listens. */
async function serveKring() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kring-bench-'));
  const env = parseEnv({ ...process.env, KRING_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, KRING_WORKER: 'off' });
  const db = await openDb(env.DATABASE_URL ? { url: env.DATABASE_URL } : { sqliteFile: path.join(dataDir, 'bench.sqlite') });
  const app = await createApp({ db, clock: systemClock, env, log: pino({ level: 'silent' }) });
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  const now = new Date();
  const t0 = Date.now();
  const { token, accountIds } = await seed(client(url), db, now);
  // The dossier needs a fresh SMS step-up: give the bench session one.
  await db.manager.createQueryBuilder().update(SessionEntity).set({ stepUpUsedAt: new Date(Date.now() + 3600_000) }).execute();
  await db.manager.createQueryBuilder().update(UserEntity).set({ phoneE164: '+31600000000', phoneVerifiedAt: now }).execute();
  process.send({ url, token, accountIds, dialect: db.dialect, seedSeconds: (Date.now() - t0) / 1000 });
  process.on('message', async (msg) => {
    if (msg === 'rss') {
      const mem = process.memoryUsage();
      const mb = (n) => Math.round(n / 1024 / 1024);
      process.send({ rss: mb(mem.rss), heap: mb(mem.heapUsed), heapTotal: mb(mem.heapTotal), external: mb(mem.external) });
    }
    if (msg?.countMessages) {
      // What the database holds of the bench's posts: compared with the acknowledged ones (none lost).
      const [{ n }] = await db.ds.query('SELECT COUNT(*) AS n FROM messages WHERE accountId = ? AND body LIKE ?', [msg.countMessages, 'bench %']);
      process.send({ stored: Number(n) });
    }
    if (msg === 'stop') {
      await app.close();
      await db.ds.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
}

/** Child process: the two baselines, serving the same start-screen payload. */
async function serveBaselines(samplePath) {
  const sample = fs.readFileSync(samplePath, 'utf8');
  const bare = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(sample));
  });
  await new Promise((r) => bare.listen(0, '127.0.0.1', r));
  const sdl = fs.readFileSync(path.resolve(dist, '../../../schema.graphql'), 'utf8');
  const apollo = new ApolloServer({ schema: buildSchema(sdl), rootValue: JSON.parse(sample).data });
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  process.send({ bareUrl: `http://127.0.0.1:${bare.address().port}/`, apolloUrl: url });
  process.on('message', (msg) => msg === 'stop' && process.exit(0));
}

const once = (child) => new Promise((resolve, reject) => {
  const onExit = (code) => reject(new Error(`bench child exited with ${code}`));
  child.once('message', (msg) => {
    child.off('exit', onExit);
    resolve(msg);
  });
  child.once('exit', onExit);
});

/** Minutes of mixed start-screen and dossier load at 20 connections, with the API's RSS after each (QUALITY.md: ≤ 300 MB, flat over the last 5). */
async function soak(kring, { url, headers, requests }) {
  console.log(`soak: ${SOAK_MINUTES} minutes of mixed load, RSS sampled every minute`);
  const samples = [];
  for (let minute = 1; minute <= SOAK_MINUTES; minute++) {
    const r = await cannon({ url, method: 'POST', headers, connections: 20, duration: 60, requests: requests.map((body) => ({ body })) });
    kring.send('rss');
    const { rss, heap, heapTotal, external } = await once(kring);
    samples.push(rss);
    console.log(`  minute ${minute}: ${Math.round(r.requests.average)} req/s, ${r.errors + r.non2xx} errors, RSS ${rss} MB (heap ${heap}/${heapTotal} MB, external ${external} MB)`);
  }
  const last = samples.slice(-5);
  console.log(`soak RSS: max ${Math.max(...samples)} MB (bar ≤ 300 MB); last ${last.length} minutes ${Math.min(...last)}–${Math.max(...last)} MB (growth ${last.at(-1) - last[0]} MB)`);
}

async function main() {
  const self = new URL(import.meta.url).pathname;
  // The API process as `npm start` runs it (scripts/start.mjs): heap limit and malloc arenas.
  const kring = fork(self, ['--serve-kring'], {
    stdio: 'inherit',
    execArgv: [...process.execArgv, `--max-old-space-size=${Number(process.env.KRING_API_HEAP_MB ?? 256)}`],
    env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', NODE_ENV: 'production' },
  });
  console.log(`seeding ${ACCOUNTS} accounts…`);
  const { url, token, accountIds, dialect, seedSeconds } = await once(kring);
  console.log(`seeded on ${dialect} in ${seedSeconds.toFixed(1)} s; load generator in this process, servers in their own`);
  const now = new Date();
  const monthFrom = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
  const monthTo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
  const startScreen = JSON.stringify({
    query: `query Start($f: DateTimeISO!, $t: DateTimeISO!) { viewer { user { id firstName lastName avatarUrl }
      accounts { own level account { id displayName avatarUrl myRights } }
      agenda(from: $f, to: $t) { start end originalStart account { id displayName } appointment { id source title durationMinutes location cancelled canEdit } } } }`,
    variables: { f: monthFrom, t: monthTo },
  });
  const dossier = JSON.stringify({
    query: 'query D($a: ID!) { account(id: $a) { dossier { items { id kind title body authorName authoredAt version provider { name } answers { question answer } } } } }',
    variables: { a: accountIds[0] },
  });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const sample = await (await fetch(url, { method: 'POST', headers, body: startScreen })).text();
  const parsed = JSON.parse(sample);
  if (parsed.errors) throw new Error(`start-screen query failed: ${JSON.stringify(parsed.errors[0])}`);
  const dossierSample = JSON.parse(await (await fetch(url, { method: 'POST', headers, body: dossier })).text());
  if (dossierSample.errors) throw new Error(`dossier query failed: ${JSON.stringify(dossierSample.errors[0])}`);
  const samplePath = path.join(os.tmpdir(), `kring-bench-sample-${process.pid}.json`);
  fs.writeFileSync(samplePath, sample);
  const baselines = fork(self, ['--serve-baselines', samplePath], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const { bareUrl, apolloUrl } = await once(baselines);

  const results = {};
  for (const connections of [1, 50]) {
    results[`bare-http c${connections}`] = fmt(await cannon({ url: bareUrl, method: 'POST', body: startScreen, headers, connections }));
    results[`bare-apollo c${connections}`] = fmt(await cannon({ url: apolloUrl, method: 'POST', body: startScreen, headers, connections }));
    results[`kring start-screen c${connections}`] = fmt(await cannon({ url, method: 'POST', body: startScreen, headers, connections }));
    results[`kring dossier c${connections}`] = fmt(await cannon({ url, method: 'POST', body: dossier, headers, connections }));
  }
  let n = 0;
  results['kring postMessage c20'] = fmt(
    await cannon({
      url,
      method: 'POST',
      headers,
      connections: 20,
      setupClient: (c) => {
        c.setBody(JSON.stringify({ query: 'mutation($a: ID!, $b: String!) { postMessage(accountId: $a, audience: ALL_CONNECTIONS, body: $b) { id } }', variables: { a: accountIds[1], b: `bench ${n++}` } }));
      },
    }),
  );
  kring.send({ countMessages: accountIds[1] });
  const { stored } = await once(kring);
  const acknowledged = results['kring postMessage c20'].ok;
  kring.send('rss');
  const { rss, heap, heapTotal } = await once(kring);

  console.table(results);
  const ratio = results['kring start-screen c50'].reqPerSec / results['bare-apollo c50'].reqPerSec;
  console.log(`start-screen payload: ${parsed.data.viewer.agenda.length} occurrences, ${(sample.length / 1024).toFixed(1)} KB; dossier: ${dossierSample.data.account.dossier.items.length} items`);
  console.log(`start-screen req/s vs bare Apollo (c50): ${ratio.toFixed(2)}× (bar ≥ 0.5×)`);
  console.log(`p99 at c50: start-screen ${results['kring start-screen c50'].p99ms} ms, dossier ${results['kring dossier c50'].p99ms} ms (bar ≤ 50 ms)`);
  console.log(`median at c1: start-screen ${results['kring start-screen c1'].p50ms} ms, dossier ${results['kring dossier c1'].p50ms} ms (bar ≤ 5 ms)`);
  console.log(`postMessage on ${dialect}: ${results['kring postMessage c20'].reqPerSec} per second, ${results['kring postMessage c20'].errors} errors (bar ≥ 500/s on MariaDB)`);
  console.log(`postMessage: ${acknowledged} acknowledged (2xx), ${stored} stored — ${stored >= acknowledged ? 'none lost' : `${acknowledged - stored} LOST`}`);
  console.log(`API process RSS after the run: ${rss} MB (V8 heap ${heap} MB used of ${heapTotal} MB)`);
  if (SOAK_MINUTES > 0) await soak(kring, { url, headers, requests: [startScreen, dossier] });
  kring.send('stop');
  baselines.send('stop');
  fs.rmSync(samplePath, { force: true });
}

const role = process.argv[2];
const run = role === '--serve-kring' ? serveKring() : role === '--serve-baselines' ? serveBaselines(process.argv[3]) : main();
run.catch((err) => {
  console.error(err);
  process.exit(1);
});
