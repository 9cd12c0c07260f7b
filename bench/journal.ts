/**
 * What the request journal costs on the in-process path: the same mock setup with the journal on (default) and off
 * (`journalLimit: 0`), alternated round by round in one process so that drift on a shared machine hits both.
 *
 *   npx tsx bench/journal.ts [--quick]
 */
import { createVinrMock } from '@vinr/sdk/mocks';
import { getResponse } from 'msw';
import { Bench } from 'tinybench';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 2 : 6;
const TIME_MS = quick ? 300 : 1_000;
const BATCH = 16;

async function setup(journalLimit?: number) {
  const mock = createVinrMock({ now: '2026-01-10T00:00:00Z', ...(journalLimit === undefined ? {} : { journalLimit }) });
  const vinr = mock.client({ maxRetries: 0 });
  const offer = await vinr.engagement.offers.create({ name: 'b', incentive: { type: 'points_bonus', points: 5 } });
  const url = `https://api.vinr.com/v1/engagement/offers/${offer.id}`;
  const headers = { authorization: `Bearer ${mock.secretKey}` };
  return {
    handlers: () =>
      Promise.all(Array.from({ length: BATCH }, () => getResponse(mock.handlers, new Request(url, { headers })))),
    sdk: () => Promise.all(Array.from({ length: BATCH }, () => vinr.engagement.offers.retrieve(offer.id))),
  };
}

const on = await setup();
const off = await setup(0);
const variants: Record<string, () => Promise<unknown>> = {
  'handlers retrieve, journal on': on.handlers,
  'handlers retrieve, journal off': off.handlers,
  'SDK retrieve via dispatcher, journal on': on.sdk,
  'SDK retrieve via dispatcher, journal off': off.sdk,
};
const samples = new Map<string, number[]>(Object.keys(variants).map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  const names = Object.keys(variants);
  if (round % 2) names.reverse();
  const bench = new Bench({ time: TIME_MS, warmupTime: 100 });
  for (const name of names) bench.add(name, variants[name] as () => Promise<unknown>);
  await bench.run();
  for (const task of bench.tasks) {
    const hz = task.result && 'throughput' in task.result ? task.result.throughput.mean : 0;
    samples.get(task.name)?.push(hz * BATCH);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const m = (k: string) => median(samples.get(k) ?? []);
console.table(
  ['handlers retrieve', 'SDK retrieve via dispatcher'].map((k) => ({
    path: k,
    'journal on req/s': Math.round(m(`${k}, journal on`)),
    'journal off req/s': Math.round(m(`${k}, journal off`)),
    'on / off': (m(`${k}, journal on`) / m(`${k}, journal off`)).toFixed(3),
  })),
);
