// One packed SDK, many throwaway consumer projects: the shared base of every "install it the way a user
// does, then run it" matrix (Node versions in `run.mjs`; other runtimes can import the same two functions).
//
//   const { tarball } = packOnce();                                  // npm run build + npm pack, once per process
//   const consumer = makeConsumer(join(tmp, 'node22'), {            // a fresh project outside the repository
//     tarball, deps: ['msw@3', '@types/node@22'], node: node22,     // installed with that Node's npm run
//   });
//   run(node22, ['e2e/run.mjs'], { cwd: consumer.dir, node: node22 });
//
// Installs never pass --legacy-peer-deps or --force: a peer-range conflict (ERESOLVE) or an engines mismatch
// (EBADENGINE) of any package in the tree fails `makeConsumer`, because that is exactly what a user would hit.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The fixtures a consumer gets unless told otherwise: the ESM/CJS/TypeScript projects (`scripts/consumer`) and the
 * end-to-end and stack checks (`scripts/matrix/fixtures`).
 */
export const DEFAULT_FIXTURES = [join(root, 'scripts', 'consumer'), join(root, 'scripts', 'matrix', 'fixtures')];

/**
 * The environment for a child that must run on `node`: its directory first on PATH (so `npm`, `npx` and `#!/usr/bin/env
 * node` bins run on it), and no `npm_*` variables inherited from an outer `npm run` (they point at the outer npm and
 * Node, and at the repository as the project).
 */
export function envFor(node = process.execPath, extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  env.PATH = `${dirname(node)}:${env.PATH ?? ''}`;
  return { ...env, ...extra };
}

/**
 * Runs a command to completion and returns its stdout; on failure throws with the command and its whole output.
 * `stderr: 'include'` returns stderr after stdout (npm writes its warnings there); `stderr: 'no-warnings'` fails when
 * stderr holds a warning (a Node `…Warning:` or an npm `warn` line).
 */
export function run(cmd, args, { cwd = root, node, env, timeout = 300_000, stderr = 'ignore' } = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: envFor(node, env),
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  const command = `\`${[cmd, ...args].join(' ')}\``;
  if (r.error || r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    throw new Error(`${command} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}) in ${cwd}:\n${out}`);
  }
  if (stderr === 'no-warnings' && /Warning:|^npm warn/im.test(r.stderr)) {
    throw new Error(`${command} succeeded but warned:\n${r.stderr.trim()}`);
  }
  return stderr === 'include' ? `${r.stdout}${r.stderr}` : r.stdout;
}

let packed;

const newestMtime = (dir) => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
};

/** True unless `dist/` was built after the last change to `src/`, `mocks/` or the build config (CI builds it once). */
export function distIsStale() {
  let built = 0;
  try {
    built = statSync(join(root, 'dist', 'index.js')).mtimeMs;
  } catch {
    return true;
  }
  const inputs = ['package.json', 'tsup.config.ts'].map((f) => statSync(join(root, f)).mtimeMs);
  return built < Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'mocks')), ...inputs);
}

/**
 * Builds the package (when `dist/` is stale) and packs it into a fresh temp folder, once per process; later calls
 * return the same tarball. `{ build: true }` always builds, `{ build: false }` packs the `dist/` already there.
 */
export function packOnce({ build = distIsStale() } = {}) {
  if (packed) return packed;
  const t0 = Date.now();
  if (build) run('npm', ['run', 'build']);
  const dir = mkdtempSync(join(tmpdir(), 'vinr-pack-'));
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir]).replace(/^[^[]*/, ''));
  packed = {
    dir,
    tarball: join(dir, info.filename),
    files: info.files.map((f) => f.path),
    size: info.size,
    ms: Date.now() - t0,
  };
  return packed;
}

/**
 * A new consumer project in `dir` (created): the fixtures copied in, `package.json` written, then
 * `npm install <tarball> ...deps` run with `node` (its npm resolves peers and checks engines for that Node).
 * Returns `{ dir, ms, versions }`, `versions` being what npm actually installed for each dep and for `@vinr/sdk`.
 */
export function makeConsumer(dir, { tarball, deps = [], node = process.execPath, fixtures = DEFAULT_FIXTURES }) {
  const t0 = Date.now();
  mkdirSync(dir, { recursive: true });
  for (const f of fixtures) cpSync(f, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'vinr-consumer', private: true }, null, 2)}\n`);
  // No --prefer-offline: unpinned and `@latest` deps must resolve to what a user installing today gets.
  const args = ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball, ...deps];
  const out = run('npm', args, { cwd: dir, node, stderr: 'include' });
  const problems = out.split('\n').filter((line) => /ERESOLVE|EBADENGINE|peer dep/i.test(line));
  if (problems.length) throw new Error(`npm ${args.join(' ')} warned:\n${problems.join('\n')}`);
  const names = ['@vinr/sdk', ...deps.map((d) => d.replace(/(.)@.*$/, '$1'))];
  const versionOf = (name) => JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  const versions = Object.fromEntries(names.map((name) => [name, versionOf(name)]));
  return { dir, ms: Date.now() - t0, versions };
}

/** A fresh temp folder for one matrix run. */
export const workDir = (prefix = 'vinr-matrix-') => mkdtempSync(join(tmpdir(), prefix));
