/**
 * Fetch transport benchmark: the SDK over `fetch` (what Bun, Deno, workers and edge runtimes use) against Node's
 * raw `fetch`, raw `fetch` with the AbortSignal any client needs for timeouts and aborts, and the SDK's default
 * undici path. All four run in ONE client process, interleaved in rotating order every round, so that the drift of
 * a shared machine hits them alike; the server is bench/http/server.ts in its own process. Medians over rounds.
 *
 *   npx tsx bench/fetch-transport.ts [--quick]      (npm run bench:fetch)
 */
import { Vinr } from '@vinr/sdk';
import { bundle, startNode } from './support/proc.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 8;
const COUNT = quick ? 500 : 1_500;
const KEY = 'sk_test_bench';

async function drive(call: () => Promise<unknown>, conc: number, n: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (next++ < n) await call();
    }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const serverFile = await bundle('bench/http/server.ts', 'http-server', 'src');
const { child, first } = await startNode<{ port: number }>([serverFile]);
try {
  const baseURL = `http://127.0.0.1:${first.port}/v1`;
  const url = `${baseURL}/engagement/offers/ofr_123`;
  const headers = { authorization: `Bearer ${KEY}`, accept: 'application/json' };
  const undici = new Vinr({ secretKey: KEY, baseURL });
  const overFetch = new Vinr({ secretKey: KEY, baseURL, fetch: globalThis.fetch });
  const variants: Record<string, () => Promise<unknown>> = {
    'sdk (undici)': () => undici.engagement.offers.retrieve('ofr_123'),
    'sdk-fetch': () => overFetch.engagement.offers.retrieve('ofr_123'),
    fetch: async () => (await fetch(url, { headers })).json(),
    'fetch + signal': async () => {
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), 30_000);
      try {
        return await (await fetch(url, { headers, signal: ac.signal })).json();
      } finally {
        clearTimeout(timer);
      }
    },
  };
  const names = Object.keys(variants);
  console.log('conc  variant          req/s   CPU µs/req   ×fetch req/s   ×fetch CPU');
  for (const conc of [1, 32]) {
    for (const name of names) await drive(variants[name]!, conc, COUNT / 2);
    const rps: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of names.map((_, i) => names[(i + round) % names.length]!)) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await drive(variants[name]!, conc, COUNT);
        const used = process.cpuUsage(c0);
        rps[name]!.push(COUNT / ((performance.now() - t0) / 1000));
        cpu[name]!.push((used.user + used.system) / COUNT);
      }
    }
    const base = { rps: median(rps.fetch!), cpu: median(cpu.fetch!) };
    for (const name of names) {
      const r = median(rps[name]!);
      const c = median(cpu[name]!);
      console.log(
        `${String(conc).padEnd(5)} ${name.padEnd(15)} ${r.toFixed(0).padStart(6)} ${c.toFixed(1).padStart(12)} ` +
          `${(r / base.rps).toFixed(2).padStart(14)} ${(c / base.cpu).toFixed(2).padStart(12)}`,
      );
    }
  }
  await undici.close();
} finally {
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
}
