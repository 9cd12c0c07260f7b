/**
 * `npm run bench`: every benchmark in one run, written to docs/performance.md.
 * Builds the package once (as `npm run build` would, into a scratch install), then: HTTP side by side, a CPU
 * profile breakdown, cold start, sizes, and the other benchmarks of bench/ (webhooks, engine, transports) as
 * they print themselves. Ratios come from the same run; absolute numbers depend on the machine and its load.
 *
 *   npx tsx bench/report.ts [--quick] [--out=file.md]   (--quick: a smoke test of the whole pipeline)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { runColdStart } from './cold-start.js';
import { runProfile } from './http/profile.js';
import { FULL, QUICK, runHttpBench } from './http/run.js';
import { renderReport } from './report-markdown.js';
import { runSize } from './size.js';
import { buildPackage } from './support/package.js';
import { loadAverage, ROOT } from './support/proc.js';

/** The other benchmarks in bench/, run as their authors wrote them; their output goes in the report verbatim. */
const SIBLINGS = ['webhooks', 'engine', 'transports', 'server', 'mock-import'];

const quick = process.argv.includes('--quick');
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? join(ROOT, 'docs', 'performance.md');

function runSibling(name: string): string {
  const file = join(ROOT, 'bench', `${name}.ts`);
  if (!existsSync(file)) return '(not present)';
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), file, ...(quick ? ['--quick'] : [])],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  return r.status === 0 ? r.stdout.trim() : `(failed with ${r.status})\n${r.stdout}\n${r.stderr}`.trim();
}

const step = (label: string) => console.error(`[bench] ${label}… (load average ${loadavg()[0]?.toFixed(2)})`);

async function main(): Promise<void> {
  const loadBefore = await loadAverage();
  const started = new Date();
  step('building the package');
  await buildPackage({ dts: true });
  step('HTTP');
  const http = await runHttpBench({
    ...(quick ? QUICK : FULL),
    sdk: 'dist',
    build: false,
    onSample: (s, round) =>
      console.error(
        `  round ${round + 1} conc ${s.conc} ${s.variant}: ${s.rps.toFixed(0)} req/s, ${s.cpuUsPerReq.toFixed(1)} µs CPU/req`,
      ),
  });
  step('CPU profile');
  const profile = await runProfile({
    variants: ['dispatch', 'sdk', 'undici'],
    conc: 32,
    count: quick ? 3_000 : 20_000,
    sdk: 'dist',
    build: false,
  });
  step('cold start');
  const cold = await runColdStart({ runs: quick ? 3 : 15, build: false });
  step('sizes');
  const size = await runSize({ build: false });
  const siblings: Record<string, string> = {};
  for (const name of SIBLINGS) {
    step(name);
    siblings[name] = runSibling(name);
  }
  const markdown = renderReport({
    date: started.toISOString().slice(0, 16).replace('T', ' '),
    machine: `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}`,
    loadBefore,
    loadAfter: await loadAverage(),
    http,
    profile,
    cold,
    size,
    siblings,
  });
  writeFileSync(out, markdown);
  console.error(`[bench] wrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
