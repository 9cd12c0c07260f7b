/**
 * One measurement in one fresh process: `node client.mjs '{"variant":"sdk","port":1234,"conc":32,"warmup":500,"count":3000}'`
 * (`"conc": [1, 32]` measures both in turn in the same process: quick mode only).
 * Warms up (JIT, connections), then sends `count` requests with `conc` in flight and prints one JSON line:
 * req/s, p50/p99 latency and client CPU (user + system, all threads) per request.
 */
import { isVariant, prepare } from './variants.js';

/** What one client process measured. */
export interface Sample {
  variant: string;
  conc: number;
  count: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerReq: number;
}

interface Args {
  variant: string;
  port: number;
  conc: number | number[];
  warmup: number;
  count: number;
  /** Write a V8 CPU profile of the measured requests (not start-up, not warm-up) to this file. */
  profile?: string;
}

/** Profiles `fn` with the inspector, so the profile holds the measured requests only. */
async function profiled<T>(file: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const result = await fn();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
  return result;
}

/** Runs `n` calls with `conc` workers; returns each call's latency in ms, in completion order. */
async function drive(call: () => Promise<unknown>, conc: number, n: number): Promise<Float64Array> {
  const latencies = new Float64Array(n);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const t = performance.now();
      await call();
      latencies[i] = performance.now() - t;
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
  return latencies;
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as Args;
  if (!isVariant(args.variant)) throw new Error(`unknown variant ${args.variant}`);
  const client = await prepare(args.variant, args.port);
  const first = (await client.call()) as { id?: unknown };
  if (first.id !== 'ofr_123') throw new Error(`${args.variant}: unexpected response ${JSON.stringify(first)}`);
  // Several concurrencies in one process (quick mode only): each warmed up, then measured, in the order given.
  for (const conc of Array.isArray(args.conc) ? args.conc : [args.conc]) {
    await drive(client.call, conc, args.warmup);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const latencies = await profiled(args.profile, () => drive(client.call, conc, args.count));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    latencies.sort();
    const sample: Sample = {
      variant: args.variant,
      conc,
      count: args.count,
      rps: args.count / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      cpuUsPerReq: (cpu.user + cpu.system) / args.count,
    };
    process.stdout.write(`${JSON.stringify(sample)}\n`);
  }
  await client.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
