#!/usr/bin/env node
// The compatibility matrix: the packed SDK installed the way users install it, on the Node lines and msw majors
// they have, then run with that Node. For each leg: a fresh consumer project outside the repository gets the
// tarball + msw + @types/node (no --legacy-peer-deps: a peer conflict fails the leg), runs the consumer checks of
// `scripts/consumer` (ESM import, CJS require, TypeScript node16 and bundler, compiled then run) and the end-to-end
// checks of `scripts/matrix/fixtures/e2e` (the seed scenario in process, via msw setupServer + global fetch, over
// loopback and through the CLI; signed webhooks). The last leg also installs a user's current stack next to the
// SDK (typescript@latest, vitest@5, undici@8) and type-checks, runs and tests against it.
// Usage: npm run test:matrix   (MATRIX_LEGS=22,24 runs some legs; KEEP_TMP=1 keeps the consumer projects)
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { nodeBinary } from './node.mjs';
import { makeConsumer, packOnce, root, run, workDir } from './pack.mjs';

const LEGS = [
  { node: 20, msw: '2' },
  { node: 22, msw: '3' },
  { node: 24, msw: '3', stack: ['typescript@latest', 'vitest@5', 'undici@8'] },
];
const only = process.env.MATRIX_LEGS?.split(',').map(Number);
const legs = LEGS.filter((leg) => !only || only.includes(leg.node));
// The stack leg type-checks with the TypeScript it installed; the others with the repository's (5.9, which is also
// the oldest TypeScript msw 3 supports).
const tscFor = (leg, dir) => join(leg.stack ? dir : root, 'node_modules', 'typescript', 'bin', 'tsc');
const started = Date.now();
const failures = [];
let passed = 0;

async function step(label, fn) {
  const t0 = Date.now();
  try {
    const note = await fn();
    passed += 1;
    console.log(`ok   ${label} (${Date.now() - t0} ms)${note ? ` — ${note}` : ''}`);
    return true;
  } catch (err) {
    failures.push(label);
    console.log(`FAIL ${label} (${Date.now() - t0} ms)\n${String(err?.message ?? err).replace(/^/gm, '     ')}`);
    return false;
  }
}

let tarball;
let packDir;
await step('npm run build + npm pack (once for every leg)', () => {
  const p = packOnce();
  tarball = p.tarball;
  packDir = p.dir;
  return `${p.files.length} files, ${(p.size / 1024).toFixed(1)} kB`;
});

const tmp = workDir();
const timings = [];
for (const leg of legs) {
  if (!tarball) break;
  const t0 = Date.now();
  const name = `node${leg.node} msw${leg.msw}`;
  let node;
  let consumer;
  const ok = await step(`[${name}] Node binary`, () => {
    const bin = nodeBinary(leg.node);
    node = bin.node;
    return `${bin.version} (${bin.source})`;
  });
  if (!ok) continue;
  // `msw` unpinned, as the README says to install it: npm picks the newest major whose engines fit this Node.
  const deps = ['msw', `@types/node@${leg.node}`, ...(leg.stack ?? [])];
  let tscVersion;
  const installed = await step(`[${name}] npm install <tarball> ${deps.join(' ')} (no --legacy-peer-deps)`, () => {
    consumer = makeConsumer(join(tmp, `node${leg.node}`), { tarball, deps, node });
    tscVersion = run(node, [tscFor(leg, consumer.dir), '-v'], { node }).trim();
    const msw = consumer.versions.msw;
    if (msw.split('.')[0] !== leg.msw)
      throw new Error(`npm picked msw ${msw} on Node ${leg.node}, expected ${leg.msw}.x`);
    return Object.entries(consumer.versions)
      .map(([pkg, v]) => `${pkg}@${v}`)
      .join(', ');
  });
  if (!installed) continue;
  const cwd = consumer.dir;
  // A warning on stderr (a Node ExperimentalWarning for `require(esm)`, say) fails the consumer run that printed it.
  const exec = (file, args = []) => run(node, [file, ...args], { cwd, node, stderr: 'no-warnings' }).trim();
  const tsc = tscFor(leg, cwd);

  await step(`[${name}] consumer: ESM import`, () => exec('esm/index.mjs'));
  await step(`[${name}] consumer: CJS require`, () => exec('cjs/index.cjs'));
  await step(`[${name}] consumer: TypeScript node16 (${tscVersion}), ESM .ts + CJS .cts`, () => {
    exec(tsc, ['-p', 'ts-node16/tsconfig.json']);
    return [exec('ts-node16/out/esm.js'), exec('ts-node16/out/cjs.cjs')].join(' | ');
  });
  await step(`[${name}] consumer: TypeScript bundler (${tscVersion}, skipLibCheck off)`, () => {
    exec(tsc, ['-p', 'ts-bundler/tsconfig.json']);
    return exec('ts-bundler/out/index.js');
  });
  await step(`[${name}] end-to-end: seed scenario in process, setupServer, loopback, CLI; webhooks`, () => {
    const out = exec('e2e/run.mjs');
    return `\n${out.replace(/^/gm, '       ')}`;
  });
  if (leg.stack) {
    await step(`[${name}] stack: ${tscVersion} type-checks and runs msw setupServer + a user's undici Agent`, () => {
      exec(tsc, ['-p', 'stack/tsconfig.json']);
      return exec('stack/out/index.js');
    });
    await step(`[${name}] stack: a vitest@5 suite over @vinr/sdk/mocks`, () => {
      const out = exec(join(cwd, 'node_modules', 'vitest', 'vitest.mjs'), ['run', '--root', 'stack']);
      return /Tests\s+\d+ passed[^\n]*/.exec(stripVTControlCharacters(out))?.[0] ?? out;
    });
  }
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const scratch = [tmp, packDir].filter(Boolean);
if (process.env.KEEP_TMP) console.log(`kept ${scratch.join(' and ')}`);
else for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`matrix took ${seconds} s (${timings.join(', ')})`);
console.log(`matrix: ${passed} passed, ${failures.length} failed${failures.length ? `: ${failures.join('; ')}` : ''}`);
if (failures.length) process.exit(1);
