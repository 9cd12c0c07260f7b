#!/usr/bin/env node
// Packaging check: proves the tarball a user installs works, the way they will use it.
// build -> npm pack -> content check -> publint -> attw -> consumer projects (ESM, CJS, TS node16, TS bundler)
// installed from the tarball in a temp folder outside the repo (so nothing resolves from our node_modules),
// each compiled and run against `@vinr/sdk/mocks`, then the `vinr-mock` bin.
// Usage: node scripts/check-package.mjs   (KEEP_TMP=1 keeps the temp folder for inspection)
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const fixtures = join(root, 'scripts', 'consumer');
const started = Date.now();
const failures = [];
let steps = 0;

function run(cmd, args, opts = {}) {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  } catch (err) {
    const out = `${err.stdout ?? ''}${err.stderr ?? ''}`.trim();
    throw new Error(`\`${[cmd, ...args].join(' ')}\` failed (exit ${err.status}):\n${out}`);
  }
}

async function step(name, fn) {
  steps += 1;
  const t0 = Date.now();
  try {
    const note = await fn();
    console.log(`ok   ${name} (${Date.now() - t0} ms)${note ? ` — ${note}` : ''}`);
  } catch (err) {
    failures.push(name);
    console.log(`FAIL ${name} (${Date.now() - t0} ms)\n${String(err.message ?? err).replace(/^/gm, '     ')}`);
  }
}

/** Every file path the package promises: `exports` targets, `bin`, `main`/`module`/`types`. */
function promisedFiles() {
  const out = new Set([pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin ?? {})]);
  const walk = (v) => {
    if (typeof v === 'string') out.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(pkg.exports);
  return [...out].filter(Boolean).map((p) => p.replace(/^\.\//, ''));
}

const FORBIDDEN = [
  /^(test|tests|bench|examples|src|mocks|scripts|docs|coverage|node_modules|\.ci|\.github|\.vinr-tmp)\//,
  /\.(test|spec|test-d|bench)\.[cm]?[jt]s$/,
  /\.map$/,
  /\.tgz$/,
  /^(tsconfig.*|vitest\.config\..*|tsup\.config\..*|biome\.json|typedoc\.json|package-lock\.json)$/,
];

/** Bare module specifiers a built file loads (static, dynamic and require). */
function specifiers(file) {
  const code = readFileSync(file, 'utf8');
  const found = new Set();
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"'./][^"']*)["']/gm;
  for (const m of code.matchAll(re)) found.add(m[1]);
  return [...found];
}
const isBuiltin = (s) => s.startsWith('node:') || builtinModules.includes(s);
const packageOf = (s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);

let tmp;
let tarball;
let packed;

await step('npm run build', () => {
  run('npm', ['run', 'build']);
});

await step('npm pack', () => {
  tmp = mkdtempSync(join(tmpdir(), 'vinr-pkg-'));
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp]));
  packed = info.files.map((f) => f.path);
  tarball = join(tmp, info.filename);
  return `${info.filename}: ${packed.length} files, ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked`;
});

await step('tarball contents (npm pack --json file list)', () => {
  const missing = promisedFiles().filter((f) => !packed.includes(f));
  const dts = ['index', 'webhooks', 'mocks'].flatMap((e) => [`dist/${e}.d.ts`, `dist/${e}.d.cts`]);
  // The inspector page's files, read at run time next to the bundle.
  const page = ['index.html', 'inspector.css', 'lists.css', 'inspector.js'].map((f) => `dist/inspector/${f}`);
  missing.push(...[...dts, ...page].filter((f) => !packed.includes(f) && !missing.includes(f)));
  const extra = packed.filter((f) => FORBIDDEN.some((re) => re.test(f)));
  const problems = [];
  if (missing.length) problems.push(`missing (imported by users): ${missing.join(', ')}`);
  if (extra.length) problems.push(`test-only or source files shipped: ${extra.join(', ')}`);
  if (problems.length) throw new Error(problems.join('\n'));
  return packed.join(' ');
});

await step('runtime imports of dist/ (deps, peers and node: only; webhooks imports no undici/zod)', () => {
  const allowed = new Set([
    pkg.name,
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
  ]);
  const problems = [];
  for (const f of packed.filter((p) => /^dist\/.*\.[cm]?js$/.test(p))) {
    for (const s of specifiers(join(root, f))) {
      if (isBuiltin(s)) continue;
      if (!allowed.has(packageOf(s))) problems.push(`${f} loads '${s}', which is not a dependency`);
      if (/^dist\/webhooks\./.test(f)) problems.push(`${f} loads '${s}': @vinr/sdk/webhooks must stay dependency-free`);
      if (/^dist\/index\./.test(f) && packageOf(s) === 'msw') problems.push(`${f} loads msw (an optional peer)`);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
});

await step('publint --strict (on the tarball)', () => run(bin('publint'), ['run', tarball, '--strict']).trim());

await step('attw --profile node16 (on the tarball)', () => {
  run(bin('attw'), [tarball, '--profile', 'node16', '--format', 'table-flipped', '--no-emoji', '--no-color']);
  return 'no problems';
});

const consumer = tmp && join(tmp, 'consumer');
await step('consumer install (tarball + msw + @types/node from the registry)', () => {
  cpSync(fixtures, consumer, { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'vinr-consumer', private: true }, null, 2));
  const msw = pkg.peerDependencies.msw;
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', tarball];
  run('npm', [...args, `msw@${msw}`, '@types/node@20'], { cwd: consumer });
});

const scenarios = [
  ['ESM import', 'esm', [], ['index.mjs']],
  ['CJS require', 'cjs', [], ['index.cjs']],
  [
    'TypeScript moduleResolution node16 (ESM .ts + CJS .cts)',
    'ts-node16',
    ['tsconfig.json'],
    ['out/esm.js', 'out/cjs.cjs'],
  ],
  ['TypeScript moduleResolution bundler', 'ts-bundler', ['tsconfig.json'], ['out/index.js']],
];
for (const [name, dir, tsconfigs, scripts] of scenarios) {
  await step(`consumer: ${name}`, () => {
    const cwd = join(consumer, dir);
    for (const tsconfig of tsconfigs) run(bin('tsc'), ['-p', tsconfig], { cwd });
    return scripts.map((s) => run(process.execPath, [s], { cwd }).trim()).join(' | ');
  });
}

// Architecture rule: undici and zod load on the first request. Bundling can hoist a lazy import to the top of
// an entry (it did, before tsup's code splitting was on), so this is checked on the built files.
await step('lazy dependencies: require/import of @vinr/sdk loads neither undici nor zod', async () => {
  const probe = `const l=()=>Object.keys(require.cache).filter(p=>/node_modules[\\\\/](undici|zod)[\\\\/]/.test(p));
    require('@vinr/sdk'); const cjs=l().map(p=>p.split(/node_modules[\\\\/]/).pop().split(/[\\\\/]/)[0]);
    console.log([...new Set(cjs)].join(','));`;
  const eager = run(process.execPath, ['-e', probe], { cwd: join(consumer, 'cjs') }).trim();
  if (!eager) return 'neither is loaded until the first request (CJS)';
  throw new Error(`require('@vinr/sdk') already loads: ${eager}`);
});

await step('consumer: vinr-mock --port 0 (bin from the install)', () =>
  runBin(join(consumer, 'node_modules', '.bin', 'vinr-mock')),
);

/** Starts the bin, waits for its base URL, makes one authenticated request, stops it with SIGTERM. */
function runBin(path) {
  return new Promise((resolve, reject) => {
    const child = spawn(path, ['--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const fail = (msg) => {
      child.kill('SIGKILL');
      reject(new Error(`${msg}\nstdout: ${out}\nstderr: ${err}`));
    };
    const timer = setTimeout(() => fail('no base URL printed within 10 s'), 10_000);
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => fail(e.message));
    child.stdout.on('data', async (d) => {
      out += d;
      const url = /http:\/\/[\w.:[\]-]+\/v1/.exec(out)?.[0];
      if (!url || child.stopping) return;
      child.stopping = true;
      clearTimeout(timer);
      try {
        const res = await fetch(`${url}/engagement/offers`, { headers: { authorization: 'Bearer sk_test_vinr_mock' } });
        const body = await res.json();
        if (res.status !== 200 || body.object !== 'list') return fail(`GET /engagement/offers: ${res.status}`);
        // The inspector page and its script, served from the installed package's files.
        const root = url.replace(/\/v1$/, '');
        for (const path of ['/', '/__inspector/inspector.js', '/__inspector/state']) {
          const page = await fetch(`${root}${path}`);
          await page.arrayBuffer();
          if (page.status !== 200) return fail(`GET ${path} (inspector): ${page.status}`);
        }
      } catch (e) {
        return fail(`request to ${url} failed: ${e.message}`);
      }
      const t0 = Date.now();
      const killTimer = setTimeout(() => fail('did not exit within 2 s of SIGTERM'), 2_000);
      child.on('exit', (code, signal) => {
        clearTimeout(killTimer);
        if (code === 0) resolve(`${url}, exit 0 ${Date.now() - t0} ms after SIGTERM`);
        else reject(new Error(`exit code ${code} signal ${signal} after SIGTERM\nstderr: ${err}`));
      });
      child.kill('SIGTERM');
    });
  });
}

if (tmp && !process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
else if (tmp) console.log(`kept ${tmp}`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`package check took ${seconds} s${failures.length ? `; failed: ${failures.join('; ')}` : ''}`);
console.log(`packaging: ${steps - failures.length} passed, ${failures.length} failed`);
if (failures.length) process.exit(1);
