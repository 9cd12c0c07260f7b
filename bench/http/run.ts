/**
 * The HTTP benchmark: one local server process, then one fresh client process per (round, concurrency, variant),
 * variants alternated (rotated every round) so that drift on a shared machine spreads over all of them.
 * Ratios to raw undici are taken within each round (same minute, same machine state) and their median reported.
 *
 *   npx tsx bench/http/run.ts [--quick] [--sdk=src|dist]   (default: dist, built first)
 */
import { pathToFileURL } from 'node:url';
import { buildPackage } from '../support/package.js';
import { bundle, loadAverage, runNode, type SdkSource, type Spread, spread, startNode } from '../support/proc.js';
import type { Sample } from './client.js';
import { VARIANTS, type Variant } from './variants.js';

export interface HttpOptions {
  variants: readonly Variant[];
  concurrency: readonly number[];
  rounds: number;
  warmup: number;
  count: number;
  /** Measure every concurrency in the same client process (quick mode: fewer start-ups, less isolation). */
  sharedProcess?: boolean;
  sdk: SdkSource;
  /** With `sdk: 'dist'`: build the package first (default true; false when the caller just built it). */
  build?: boolean;
  /** Called after each client process, for progress output. */
  onSample?: (sample: Sample, round: number) => void;
}

/** Per variant and concurrency: medians and spread over rounds, and the median of per-round ratios to undici. */
export interface HttpRow {
  variant: Variant;
  conc: number;
  rps: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  cpuUsPerReq: Spread;
  /** Median over rounds of (this variant's req/s ÷ undici's req/s in the same round). */
  rpsRatio: number;
  /** Median over rounds of (this variant's CPU per request ÷ undici's in the same round). */
  cpuRatio: number;
}

export interface HttpResult {
  options: Omit<HttpOptions, 'onSample'>;
  responseBytes: number;
  load: string;
  rows: HttpRow[];
}

export const FULL: Omit<HttpOptions, 'sdk'> = {
  variants: VARIANTS,
  concurrency: [1, 32],
  rounds: 5,
  warmup: 1_000,
  count: 5_000,
};

export const QUICK: Omit<HttpOptions, 'sdk'> = {
  variants: ['undici', 'sdk'],
  concurrency: [1, 32],
  rounds: 3,
  warmup: 1_000,
  count: 1_500,
  sharedProcess: true,
};

const rotate = <T>(xs: readonly T[], by: number): T[] => xs.map((_, i) => xs[(i + by) % xs.length]!);

export async function runHttpBench(options: HttpOptions): Promise<HttpResult> {
  const { onSample, ...plain } = options;
  if (options.sdk === 'dist' && options.build !== false) await buildPackage();
  const [serverFile, clientFile] = await Promise.all([
    bundle('bench/http/server.ts', 'http-server', options.sdk),
    bundle('bench/http/client.ts', `http-client-${options.sdk}`, options.sdk),
  ]);
  const { child: server, first } = await startNode<{ port: number; bytes: number }>([serverFile]);
  const samples: { round: number; sample: Sample }[] = [];
  try {
    for (let round = 0; round < options.rounds; round++) {
      const concs = round % 2 ? [...options.concurrency].reverse() : [...options.concurrency];
      // A fresh process per measurement; quick mode measures every concurrency in one process, to save start-ups.
      const groups = options.sharedProcess ? [concs] : concs.map((c) => [c]);
      for (const group of groups) {
        for (const variant of rotate(options.variants, round)) {
          const conc = group.length === 1 ? group[0] : group;
          const args = { variant, port: first.port, conc, warmup: options.warmup, count: options.count };
          const out = await runNode([clientFile, JSON.stringify(args)]);
          for (const line of out.trim().split('\n')) {
            const sample = JSON.parse(line) as Sample;
            samples.push({ round, sample });
            onSample?.(sample, round);
          }
        }
      }
    }
  } finally {
    server.removeAllListeners('exit');
    server.kill('SIGTERM');
  }
  return { options: plain, responseBytes: first.bytes, load: await loadAverage(), rows: summarize(samples, options) };
}

function summarize(samples: { round: number; sample: Sample }[], options: HttpOptions): HttpRow[] {
  const find = (variant: string, conc: number, round: number) =>
    samples.find((s) => s.round === round && s.sample.variant === variant && s.sample.conc === conc)?.sample;
  const rows: HttpRow[] = [];
  for (const conc of options.concurrency) {
    for (const variant of options.variants) {
      const mine = samples.filter((s) => s.sample.variant === variant && s.sample.conc === conc).map((s) => s.sample);
      const rpsRatios: number[] = [];
      const cpuRatios: number[] = [];
      for (let round = 0; round < options.rounds; round++) {
        const a = find(variant, conc, round);
        const floor = find('undici', conc, round);
        if (a && floor) {
          rpsRatios.push(a.rps / floor.rps);
          cpuRatios.push(a.cpuUsPerReq / floor.cpuUsPerReq);
        }
      }
      rows.push({
        variant,
        conc,
        rps: spread(mine.map((s) => s.rps)),
        p50Ms: spread(mine.map((s) => s.p50Ms)),
        p99Ms: spread(mine.map((s) => s.p99Ms)),
        cpuUsPerReq: spread(mine.map((s) => s.cpuUsPerReq)),
        rpsRatio: rpsRatios.length ? spread(rpsRatios).median : Number.NaN,
        cpuRatio: cpuRatios.length ? spread(cpuRatios).median : Number.NaN,
      });
    }
  }
  return rows;
}

/** A plain-text table of the rows, for the terminal. */
export function formatRows(rows: HttpRow[]): string {
  const head = 'conc  variant  req/s (min–max)          p50 ms  p99 ms  CPU µs/req  ×undici req/s  ×undici CPU';
  const lines = rows.map((r) =>
    [
      String(r.conc).padEnd(5),
      r.variant.padEnd(8),
      `${r.rps.median.toFixed(0)} (${r.rps.min.toFixed(0)}–${r.rps.max.toFixed(0)})`.padEnd(24),
      r.p50Ms.median.toFixed(3).padStart(6),
      r.p99Ms.median.toFixed(3).padStart(7),
      r.cpuUsPerReq.median.toFixed(1).padStart(11),
      r.rpsRatio.toFixed(2).padStart(14),
      r.cpuRatio.toFixed(2).padStart(12),
    ].join(' '),
  );
  return [head, ...lines].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const sdkArg = process.argv.find((a) => a.startsWith('--sdk='))?.slice(6);
  const sdk: SdkSource = sdkArg === 'src' ? 'src' : 'dist';
  const result = await runHttpBench({
    ...(quick ? QUICK : FULL),
    sdk,
    onSample: (s, round) =>
      console.error(
        `round ${round + 1} conc ${s.conc} ${s.variant}: ${s.rps.toFixed(0)} req/s, ${s.cpuUsPerReq.toFixed(1)} µs CPU/req`,
      ),
  });
  console.log(`load average: ${result.load}; response ${result.responseBytes} bytes; sdk from ${sdk}`);
  console.log(formatRows(result.rows));
}
