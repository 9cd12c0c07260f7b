#!/usr/bin/env node
// `npm run test:runtimes`: the packed `@vinr/sdk` inside Bun, Deno, workerd (Miniflare) and edge-runtime (Vercel
// Edge). Each plays scenario.mjs against one `vinr-mock` on a loopback port: create → publish → activate → track,
// a capped offer's typed 409, and a webhook signed by the mock verified with verifyRequest (a tampered copy
// refused). Prints the scenario's wall time per runtime; any failure exits 1.
// Usage: node scripts/runtimes/run.mjs [bun deno workerd edge]   (VINR_RUNTIMES_CACHE overrides the cache dir)
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { makeConsumer, packOnce } from '../matrix/pack.mjs';
import { ensureRuntimes } from './install.mjs';
import { startMock, startReceiver } from './servers.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'vinr-sdk-runtimes-'));
const LEG_TIMEOUT_MS = 90_000;

/** The package `version` and the User-Agent token each runtime must send. */
const { version } = createRequire(import.meta.url)('../../package.json');

function run(cmd, args, options) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: LEG_TIMEOUT_MS, maxBuffer: 16 << 20, ...options }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${cmd} failed: ${error.message}\n${stdout}\n${stderr}`.trim()));
      else resolve(stdout);
    });
  });
}

const lastJsonLine = (stdout) => JSON.parse(stdout.trim().split('\n').at(-1));

/** Bundles a harness from the consumer project, resolving `@vinr/sdk` with the runtime's export conditions. */
async function bundle(consumer, entry, conditions, format) {
  const result = await build({
    entryPoints: [join(consumer, entry)],
    absWorkingDir: consumer,
    bundle: true,
    write: false,
    format,
    platform: 'neutral',
    conditions,
    mainFields: ['module', 'main'],
    target: 'es2022',
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/**
 * examples/cloudflare-worker.ts, bundled as wrangler would and run under workerd: the delivery the scenario
 * received passes (and the Worker reads the offer back through the API), a tampered copy gets a 400.
 */
async function workerRecipe({ consumer, Miniflare, config, result }) {
  copyFileSync(join(root, 'examples', 'cloudflare-worker.ts'), join(consumer, 'cloudflare-worker.ts'));
  const script = await bundle(consumer, 'cloudflare-worker.ts', ['workerd', 'worker', 'browser'], 'esm');
  const { payload, signature, secret, offerName } = result.delivery;
  const bindings = { VINR_SECRET_KEY: config.secretKey, VINR_WEBHOOK_SECRET: secret, VINR_BASE_URL: config.baseURL };
  const mf = new Miniflare({ modules: true, script, compatibilityDate: '2026-04-01', bindings });
  try {
    const post = (body) =>
      mf.dispatchFetch('http://worker.local/webhooks/vinr', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-vinr-signature': signature },
      });
    const ok = await post(payload);
    const okBody = await ok.json();
    if (ok.status !== 200 || okBody.offer !== offerName || okBody.redemptions !== 1) {
      throw new Error(`worker recipe: signed delivery got ${ok.status} ${JSON.stringify(okBody)}`);
    }
    const refused = await post(payload.replace('"loyalty.', '"loyalty.x'));
    if (refused.status !== 400) throw new Error(`worker recipe: tampered delivery got ${refused.status}`);
    await refused.arrayBuffer();
    return 'examples/cloudflare-worker.ts: signed delivery 200, tampered 400';
  } finally {
    await mf.dispose();
  }
}

const LEGS = {
  bun: {
    userAgent: /^vinr-sdk\/[\w.-]+ bun\/\d+\.\d+\.\d+$/,
    async play({ cache, consumer, config }) {
      const bin = join(cache, 'node_modules', '.bin', 'bun');
      const result = lastJsonLine(await run(bin, ['harness-module.mjs', JSON.stringify(config)], { cwd: consumer }));
      result.steps?.push(lastJsonLine(await run(bin, ['harness-mock-fetch.mjs'], { cwd: consumer })).step);
      return result;
    },
  },
  deno: {
    userAgent: /^vinr-sdk\/[\w.-]+ deno\/\d+\.\d+\.\d+$/,
    async play({ cache, consumer, config }) {
      const bin = join(cache, 'node_modules', '.bin', 'deno');
      const deno = (file, ...rest) => ['run', '-A', '--node-modules-dir=manual', file, ...rest];
      const env = { ...process.env, DENO_DIR: join(cache, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
      const result = lastJsonLine(
        await run(bin, deno('harness-module.mjs', JSON.stringify(config)), { cwd: consumer, env }),
      );
      result.steps?.push(lastJsonLine(await run(bin, deno('harness-mock-fetch.mjs'), { cwd: consumer, env })).step);
      return result;
    },
  },
  workerd: {
    userAgent: /^vinr-sdk\/[\w.-]+ workerd$/,
    async play({ cache, consumer, config }) {
      const script = await bundle(consumer, 'harness-worker.mjs', ['workerd', 'worker', 'browser'], 'esm');
      const { Miniflare } = createRequire(join(cache, 'package.json'))('miniflare');
      const mf = new Miniflare({ modules: true, script, compatibilityDate: '2026-04-01' });
      let result;
      try {
        const res = await mf.dispatchFetch('http://worker.local/', { method: 'POST', body: JSON.stringify(config) });
        result = await res.json();
      } finally {
        await mf.dispose();
      }
      if (!result.error) result.steps.push(await workerRecipe({ consumer, Miniflare, config, result }));
      return result;
    },
  },
  edge: {
    userAgent: /^vinr-sdk\/[\w.-]+ edge-light$/,
    async play({ cache, consumer, config }) {
      const code = await bundle(consumer, 'harness-edge.mjs', ['edge-light', 'worker', 'browser'], 'iife');
      const { EdgeRuntime } = createRequire(join(cache, 'package.json'))('edge-runtime');
      const runtime = new EdgeRuntime({ initialCode: code });
      return JSON.parse(await runtime.evaluate(`__vinrScenario(${JSON.stringify(config)})`));
    },
  },
};

async function main() {
  const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(LEGS);
  const unknown = wanted.filter((name) => !(name in LEGS));
  if (unknown.length > 0) throw new Error(`unknown runtime(s): ${unknown.join(', ')}`);
  const t0 = Date.now();
  const { dir: cache, installed } = ensureRuntimes();
  const tInstall = Date.now();
  // The same pack and consumer fixture as the Node matrix (`npm run test:matrix`), without its Node-only fixtures.
  const { tarball } = packOnce();
  // msw: the optional peer `@vinr/sdk/mocks` needs, for the in-process mock on Bun and Deno.
  const msw = createRequire(import.meta.url)('../../package.json').devDependencies.msw;
  const consumer = makeConsumer(join(work, 'consumer'), { tarball, deps: [`msw@${msw}`], fixtures: [] }).dir;
  for (const file of ['scenario.mjs']) copyFileSync(join(here, file), join(consumer, file));
  for (const kind of ['module', 'mock-fetch', 'worker', 'edge']) {
    copyFileSync(join(here, 'harness', `${kind}.mjs`), join(consumer, `harness-${kind}.mjs`));
  }
  mkdirSync(join(cache, 'deno-dir'), { recursive: true });
  const tReady = Date.now();
  console.log(
    `runtimes ${installed ? 'installed' : 'cached'} in ${cache} (${tInstall - t0} ms); ` +
      `packed and installed ${version} in ${tReady - tInstall} ms`,
  );

  const mock = await startMock(root);
  const receiver = await startReceiver();
  const failures = [];
  try {
    for (const name of wanted) {
      const leg = LEGS[name];
      const config = { baseURL: mock.baseURL, secretKey: 'sk_test_vinr_mock', receiverURL: receiver.url, runId: name };
      const started = Date.now();
      try {
        const result = await leg.play({ cache, consumer, config });
        if (result.error) throw new Error(result.error);
        if (result.entry !== undefined && !result.entry.endsWith('/dist/edge.js')) {
          throw new Error(`resolved @vinr/sdk to ${result.entry}, not the fetch-only build`);
        }
        if (!leg.userAgent.test(result.userAgent ?? '')) {
          throw new Error(`User-Agent ${JSON.stringify(result.userAgent)} does not match ${leg.userAgent}`);
        }
        console.log(
          `ok   ${name.padEnd(8)} scenario ${String(result.scenarioMs).padStart(4)} ms, with webhook ` +
            `${String(result.totalMs).padStart(4)} ms, process ${String(Date.now() - started).padStart(5)} ms` +
            ` — ${result.steps.length} steps; UA "${result.userAgent}"; sync verify: ${result.syncVerify}`,
        );
      } catch (error) {
        failures.push(name);
        console.log(`FAIL ${name}\n${String(error.message ?? error).replace(/^/gm, '     ')}`);
      }
    }
  } finally {
    await Promise.all([mock.stop(), receiver.stop()]);
  }
  console.log(`${wanted.length - failures.length}/${wanted.length} runtimes passed in ${Date.now() - t0} ms`);
  if (failures.length > 0) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
