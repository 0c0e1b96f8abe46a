#!/usr/bin/env node
// `npm test`: build (unless KRING_TEST_SKIP_BUILD=1), run every jest project under TZ=UTC,
// then the recurrence tests again under TZ=Europe/Amsterdam (QUALITY.md 25).
// Extra arguments go to jest (e.g. `npm test -- --json --outputFile=artifacts/jest.json`);
// with --outputFile the results of both runs are merged into that one file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);

function run(cmd, cmdArgs, env = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (process.env.KRING_TEST_SKIP_BUILD !== '1') {
  const started = Date.now();
  // Until the web app has pages, `next build` has nothing to build: leave it out rather than fail.
  const web = ['app', 'src/app', 'pages', 'src/pages'].some((d) => existsSync(path.join(root, 'apps/web', d)));
  const filter = web ? [] : ['--filter=!@kring/web'];
  const status = run(bin('turbo'), ['run', 'build', '--output-logs=errors-only', ...filter]);
  if (status !== 0) {
    console.error('Build failed; not running the tests.');
    process.exit(status);
  }
  console.log(`Build took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/** Where jest writes its --json results, if asked. */
function outputFileOf(list) {
  for (let i = 0; i < list.length; i++) {
    if (list[i].startsWith('--outputFile=')) return { index: i, file: list[i].slice('--outputFile='.length), inline: true };
    if (list[i] === '--outputFile' && list[i + 1]) return { index: i, file: list[i + 1], inline: false };
  }
  return null;
}

// jest-circus reads testTimeout from the global config only (a project's own testTimeout is
// ignored), so the default for database and browser tests on a busy machine is set here.
if (!args.some((a) => a.startsWith('--testTimeout'))) args.unshift('--testTimeout=30000');

const jest = bin('jest');
let failed = run(jest, args, { TZ: 'UTC' }) !== 0;

const timeDir = path.join(root, 'packages/domain/src/time');
if (existsSync(timeDir)) {
  console.log('\nRecurrence tests again under TZ=Europe/Amsterdam:');
  const out = outputFileOf(args);
  const second = [...args];
  let secondFile = null;
  if (out) {
    secondFile = `${out.file}.amsterdam.json`;
    if (out.inline) second[out.index] = `--outputFile=${secondFile}`;
    else second[out.index + 1] = secondFile;
  }
  const status = run(jest, ['--selectProjects=domain', '--testPathPatterns=packages/domain/src/time', '--passWithNoTests', ...second], { TZ: 'Europe/Amsterdam' });
  failed = failed || status !== 0;
  if (out && secondFile) mergeResults(path.resolve(root, out.file), path.resolve(root, secondFile));
} else {
  console.log('\n(packages/domain/src/time does not exist yet: no second run under TZ=Europe/Amsterdam.)');
}

/** Adds the second run's counts and suites to the first run's JSON, so one file holds the whole suite. */
function mergeResults(mainFile, extraFile) {
  if (!existsSync(extraFile)) return;
  const extra = JSON.parse(readFileSync(extraFile, 'utf8'));
  rmSync(extraFile);
  if (!existsSync(mainFile)) return writeFileSync(mainFile, JSON.stringify(extra));
  const main = JSON.parse(readFileSync(mainFile, 'utf8'));
  for (const key of Object.keys(main)) {
    if (key.startsWith('num') && typeof main[key] === 'number' && typeof extra[key] === 'number') main[key] += extra[key];
  }
  main.success = Boolean(main.success && extra.success);
  main.testResults = [
    ...(main.testResults ?? []),
    ...(extra.testResults ?? []).map((r) => ({ ...r, name: `${r.name} [TZ=Europe/Amsterdam]` })),
  ];
  writeFileSync(mainFile, JSON.stringify(main));
}

process.exit(failed ? 1 : 0);
