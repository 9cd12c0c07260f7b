/**
 * The reference server against its floors, in one run with alternating rounds (figures are medians of per-round
 * ratios), on a realistic mix (bench/server/mix.ts: reads of many offer ids + activate, track, checkout; the
 * journal on, nothing cached):
 * - loopback: `vinr-mock` (its own process) vs a bare `node:http` server answering a body of the same size, both
 *   driven over 32 keep-alive connections by raw undici; goal ≥ 0.5×;
 * - in-process: `mock.client()` on the sources vs on a baseline checkout (`--baseline <dir>`, e.g. a `git worktree`
 *   of an older commit with node_modules), 32 requests in flight; goal ≥ 1.5×.
 *
 *   npm run bench:server [-- --baseline <dir>] [--quick] [--profile]
 *
 * `VINR_BENCH_BASELINE=<dir>` stands for `--baseline` (so that `npm run bench` can pass it on). *
 * `--profile` writes V8 CPU profiles of the loopback mock process and prints its top self-time functions.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { rawRequest, type Seeded } from './server/mix.js';
import { bundle, loadAverage, median, ROOT, startNode, TMP } from './support/proc.js';

export interface ServerBenchOptions {
  baseline?: string | undefined;
  quick?: boolean;
  profile?: boolean;
  /** Only the loopback comparison (bench:check). */
  loopbackOnly?: boolean;
}

export interface ServerBenchResult {
  loopback: { mock: number; bare: number; ratio: number; baseline?: number; baselineRatio?: number; bytes: number };
  inProcess?: { current: number; baseline: number; ratio: number; baselineDir: string };
  load: string;
  profile?: string;
}

const CONCURRENCY = 32;

const bundleEntry = (entry: string, name: string, alias: Record<string, string>) => bundle(entry, name, 'src', alias);

const stop = (child: ChildProcess) =>
  new Promise<void>((ok) => {
    child.removeAllListeners('exit');
    child.once('exit', () => ok());
    child.stdin?.end();
  });

/** Drives the mix over `CONCURRENCY` keep-alive connections for `ms`: requests/s and mean response bytes. */
async function loopbackRound(port: number, seeded: Seeded, ms: number): Promise<{ rps: number; bytes: number }> {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY, pipelining: 1 });
  let next = 0;
  let done = 0;
  let bytes = 0;
  const until = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < until) {
      const r = rawRequest(seeded, next++);
      const res = await pool.request({
        method: r.method,
        path: r.path,
        headers: {
          authorization: 'Bearer sk_test_vinr_mock',
          ...(r.body ? { 'content-type': 'application/json' } : {}),
        },
        ...(r.body ? { body: r.body } : {}),
      });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`${r.method} ${r.path} → ${res.statusCode}: ${text}`);
      bytes += text.length;
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const rps = done / ((performance.now() - started) / 1000);
  await pool.close();
  return { rps, bytes: bytes / Math.max(done, 1) };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The top self-time functions of a `.cpuprofile`, as `percent function (file:line)`. */
export function topSelf(file: string, n = 15): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  let idle = 0;
  p.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f || f.functionName === '(idle)' || f.functionName === '(program)') {
      idle += p.timeDeltas[i] ?? 0;
      return;
    }
    const where = f.url ? `${f.url.replace(/^.*\/(node_modules\/|bench\/)/, '$1')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`;
    const dt = p.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const rows = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  return [`  (busy ${((100 * total) / (total + idle)).toFixed(0)} % of the process's life)`, ...rows].join('\n');
}

export async function runServerBench(options: ServerBenchOptions = {}): Promise<ServerBenchResult> {
  const quick = options.quick === true;
  const rounds = quick ? 3 : 5;
  const ms = quick ? 1_000 : 3_000;
  const baselineDir = resolve(options.baseline ?? ROOT);
  const mocksOf = (dir: string) => join(dir, 'mocks/index.ts');
  const mix = { '@vinr/sdk/mocks': mocksOf(ROOT) };
  const [mockFile, bareFile, inprocFile, baseMockFile] = await Promise.all([
    bundleEntry('bench/server/mock-process.ts', 'server-mock', mix),
    bundleEntry('bench/server/bare-process.ts', 'server-bare', {}),
    bundleEntry('bench/server/inprocess.ts', 'server-inprocess', {
      '@bench/current-mocks': mocksOf(ROOT),
      '@bench/baseline-mocks': mocksOf(baselineDir),
    }),
    options.baseline
      ? bundleEntry('bench/server/mock-process.ts', 'server-mock-baseline', { '@vinr/sdk/mocks': mocksOf(baselineDir) })
      : undefined,
  ]);

  const profileDir = join(TMP, 'server-profile');
  rmSync(profileDir, { recursive: true, force: true });
  const profArgs = (dir: string) => (options.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, dir)}`] : []);
  type First = { port: number; seeded: Seeded };
  const mock = await startNode<First>([...profArgs('current'), mockFile]);
  const base = baseMockFile ? await startNode<First>([...profArgs('baseline'), baseMockFile]) : undefined;
  // Warm-up, which also measures the mix's mean response size for the bare server to match.
  const warm = await loopbackRound(mock.first.port, mock.first.seeded, quick ? 500 : 1_500);
  if (base) await loopbackRound(base.first.port, base.first.seeded, quick ? 500 : 1_500);
  const bytes = Math.round(warm.bytes);
  const bare = await startNode<{ port: number }>([bareFile, '--bytes', String(bytes)]);
  await loopbackRound(bare.first.port, mock.first.seeded, 500);

  const { prepare, round } = (await import(pathToFileURL(inprocFile).href)) as typeof import('./server/inprocess.js');
  const targets = options.loopbackOnly ? undefined : await prepare();
  if (targets) {
    await round(targets.current, 500, CONCURRENCY);
    await round(targets.baseline, 500, CONCURRENCY);
  }

  const samples = {
    mock: [] as number[],
    bare: [] as number[],
    base: [] as number[],
    cur: [] as number[],
    old: [] as number[],
  };
  const ratios = { loop: [] as number[], base: [] as number[], inproc: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const m = (await loopbackRound(mock.first.port, mock.first.seeded, ms)).rps;
    const b = (await loopbackRound(bare.first.port, mock.first.seeded, ms)).rps;
    samples.mock.push(m);
    samples.bare.push(b);
    ratios.loop.push(m / b);
    if (base) {
      const o = (await loopbackRound(base.first.port, base.first.seeded, ms)).rps;
      samples.base.push(o);
      ratios.base.push(o / b);
    }
    if (!targets) continue;
    const cur = await round(targets.current, ms, CONCURRENCY);
    const old = await round(targets.baseline, ms, CONCURRENCY);
    samples.cur.push(cur);
    samples.old.push(old);
    ratios.inproc.push(cur / old);
  }
  await Promise.all([stop(mock.child), stop(bare.child), ...(base ? [stop(base.child)] : [])]);
  let profile: string | undefined;
  if (options.profile) {
    profile = ['current', ...(base ? ['baseline'] : [])]
      .map((dir) => {
        const file = readdirSync(join(profileDir, dir)).find((f) => f.endsWith('.cpuprofile'));
        return file ? `${dir}:\n${topSelf(join(profileDir, dir, file))}` : '';
      })
      .join('\n');
  }
  return {
    loopback: {
      mock: median(samples.mock),
      bare: median(samples.bare),
      ratio: median(ratios.loop),
      ...(base ? { baseline: median(samples.base), baselineRatio: median(ratios.base) } : {}),
      bytes,
    },
    ...(targets
      ? {
          inProcess: {
            current: median(samples.cur),
            baseline: median(samples.old),
            ratio: median(ratios.inproc),
            baselineDir,
          },
        }
      : {}),
    load: await loadAverage(),
    ...(profile ? { profile } : {}),
  };
}

export function formatServerBench(r: ServerBenchResult): string {
  const f = (n: number) => Math.round(n).toLocaleString('en-US');
  const lines = [
    `loopback, c=${CONCURRENCY}, mix with a mean body of ${r.loopback.bytes} B:`,
    `  vinr-mock            ${f(r.loopback.mock)} req/s`,
    ...(r.loopback.baseline === undefined
      ? []
      : [`  vinr-mock (baseline) ${f(r.loopback.baseline)} req/s  → ${r.loopback.baselineRatio?.toFixed(2)}× bare`]),
    `  bare node:http       ${f(r.loopback.bare)} req/s`,
    `  ratio                ${r.loopback.ratio.toFixed(2)}× bare node:http (goal ≥ 0.5×)`,
    ...(r.inProcess
      ? [
          `in-process through mock.client(), c=${CONCURRENCY}:`,
          `  sources              ${f(r.inProcess.current)} req/s`,
          `  baseline             ${f(r.inProcess.baseline)} req/s  (${r.inProcess.baselineDir})`,
          `  ratio                ${r.inProcess.ratio.toFixed(2)}× baseline (goal ≥ 1.5×)`,
        ]
      : []),
    `load average ${r.load}`,
  ];
  if (r.profile)
    lines.push('loopback mock process(es), top self time (whole process life, seeding included):', r.profile);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--baseline');
  const result = await runServerBench({
    baseline: at >= 0 ? argv[at + 1] : process.env.VINR_BENCH_BASELINE || undefined,
    quick: argv.includes('--quick'),
    profile: argv.includes('--profile'),
  });
  console.log(formatServerBench(result));
  process.exit(0);
}
