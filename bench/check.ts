/**
 * `npm run bench:check`, run by CI: a few seconds, prints the ratios, and fails only on a gross regression, so that
 * noise on a shared machine cannot fail CI but a large regression cannot land silently:
 * - HTTP (quick mode): `offers.retrieve` below 0.5× raw `undici.request` req/s, or above 2× its CPU per request;
 * - lazy loading (deterministic, no timing): loading the built `@vinr/sdk` or `@vinr/sdk/webhooks`, as CommonJS
 *   or ESM, must not load undici or zod (they cost ~100 ms and ~90 ms at start-up on a small machine).
 * - reference server over loopback (quick mode, realistic mix): below 0.25× a bare `node:http` server's req/s;
 * - reference server's fixed cost per test file (import + createVinrMock() + first in-process request): above
 *   1.2× the import of msw's main entry.
 * The targets themselves (0.90× and 1.15×; 0.5× and 0.8× for the reference server) are reported by `npm run bench`,
 * `bench:server` and `bench:mock-import`, not gated here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatRows, QUICK, runHttpBench } from './http/run.js';
import { formatMockImport, runMockImportBench } from './mock-import.js';
import { formatServerBench, runServerBench } from './server.js';
import { buildPackage, PKG_PROJECT } from './support/package.js';
import { loadAverage, TMP } from './support/proc.js';

const MIN_RPS_RATIO = 0.5;
const MAX_CPU_RATIO = 2;
const MIN_LOOPBACK_RATIO = 0.25;
const MAX_MOCK_IMPORT_RATIO = 1.2;

const HEAVY = /[\\/]node_modules[\\/](undici|zod)[\\/]/;

/**
 * Node's ESM loader hooks see every resolution, including ESM-only files that never reach `require.cache`.
 * Writes a tiny `--import` module that registers a `resolve` hook reporting heavy dependencies on stderr.
 */
function writeWatchHook(): string {
  mkdirSync(TMP, { recursive: true });
  const hooks = join(TMP, 'watch-hooks.mjs');
  writeFileSync(
    hooks,
    `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (${HEAVY}.test(r.url)) process.stderr.write('HEAVY ' + r.url + '\\n');
  return r;
}
`,
  );
  const register = join(TMP, 'watch-register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  return pathToFileURL(register).href;
}

/** Which heavy dependencies loading `specifier` pulls in, as CommonJS (`require.cache`) and as ESM (loader hook). */
function heavyLoads(specifier: string, hook: string): string[] {
  const found: string[] = [];
  const cjs = spawnSync(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(specifier)}); for (const k of Object.keys(require.cache)) if (${HEAVY}.test(k)) console.log(k)`,
    ],
    { cwd: PKG_PROJECT, encoding: 'utf8' },
  );
  if (cjs.status !== 0) throw new Error(`require('${specifier}') failed:\n${cjs.stderr}`);
  if (cjs.stdout.trim()) found.push(`require: ${cjs.stdout.trim().split('\n')[0]}`);
  const esm = spawnSync(
    process.execPath,
    ['--import', hook, '--input-type=module', '-e', `await import(${JSON.stringify(specifier)})`],
    { cwd: PKG_PROJECT, encoding: 'utf8' },
  );
  if (esm.status !== 0) throw new Error(`import('${specifier}') failed:\n${esm.stderr}`);
  const line = esm.stderr.split('\n').find((l) => l.startsWith('HEAVY '));
  if (line) found.push(`import: ${line.slice(6)}`);
  return found;
}

async function main(): Promise<number> {
  const failures: string[] = [];
  const started = performance.now();
  await buildPackage();

  const hook = writeWatchHook();
  for (const specifier of ['@vinr/sdk', '@vinr/sdk/webhooks']) {
    const heavy = heavyLoads(specifier, hook);
    console.log(
      `lazy loading ${specifier}: ${heavy.length ? `LOADS ${heavy.join('; ')}` : 'neither undici nor zod at load'}`,
    );
    if (heavy.length) failures.push(`${specifier} loads a heavy dependency at start-up (${heavy.join('; ')})`);
  }

  const result = await runHttpBench({ ...QUICK, sdk: 'dist', build: false });
  console.log(`HTTP, quick mode (${QUICK.rounds} rounds × ${QUICK.count} requests), load average ${result.load}:`);
  console.log(formatRows(result.rows));
  for (const row of result.rows.filter((r) => r.variant === 'sdk')) {
    if (!(row.rpsRatio >= MIN_RPS_RATIO)) {
      failures.push(
        `conc ${row.conc}: SDK req/s is ${row.rpsRatio.toFixed(2)}× raw undici (gross regression below ${MIN_RPS_RATIO}×)`,
      );
    }
    if (!(row.cpuRatio <= MAX_CPU_RATIO)) {
      failures.push(
        `conc ${row.conc}: SDK CPU/request is ${row.cpuRatio.toFixed(2)}× raw undici (gross regression above ${MAX_CPU_RATIO}×)`,
      );
    }
  }

  const server = await runServerBench({ quick: true, loopbackOnly: true });
  console.log(formatServerBench(server));
  if (!(server.loopback.ratio >= MIN_LOOPBACK_RATIO)) {
    failures.push(
      `reference server over loopback: ${server.loopback.ratio.toFixed(2)}× bare node:http (gross regression below ${MIN_LOOPBACK_RATIO}×)`,
    );
  }
  const mockImport = await runMockImportBench({ runs: 3, build: false });
  console.log(formatMockImport(mockImport));
  if (!(mockImport.ratio <= MAX_MOCK_IMPORT_RATIO)) {
    failures.push(
      `reference server's fixed cost: ${mockImport.ratio.toFixed(2)}× the import of msw (gross regression above ${MAX_MOCK_IMPORT_RATIO}×)`,
    );
  }

  console.log(
    `bench:check took ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${await loadAverage()}`,
  );
  for (const f of failures) console.error(`FAIL ${f}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
