/**
 * Transport benchmark (issue 6): requests/s through each way into the reference server, against the floor of
 * bare msw `getResponse` on a trivial handler, in the same process and the same run. Rounds alternate so
 * drift on a shared machine spreads over every variant; each figure is the median over rounds.
 *
 *   npx tsx bench/transports.ts [--quick]
 *
 * Every iteration sends a batch of BATCH concurrent requests, so the figures are throughput, not latency.
 * "trivial" variants carry the one-line handler (pure transport cost); "retrieve" variants carry
 * `GET /engagement/offers/:id` through `mock.handlers` (auth, validation, engine, serialisation).
 */
import { createVinrMock } from '@vinr/sdk/mocks';
import { getResponse, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { Bench } from 'tinybench';
import { Agent, request } from 'undici';
import { createMswDispatcher } from '../mocks/transports/dispatcher.js';
import { listen } from '../mocks/transports/loopback.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 5;
const TIME_MS = quick ? 300 : Number(process.env.BENCH_TIME_MS ?? 1_500);
const BATCH = 16;

const trivial = [http.get('*/v1/ping', () => HttpResponse.json({ ok: true }))];
const mock = createVinrMock({ now: '2026-01-10T00:00:00Z' });
const offer = await mock
  .client()
  .engagement.offers.create({ name: 'b', incentive: { type: 'points_bonus', points: 5 } });
const retrievePath = `/v1/engagement/offers/${offer.id}`;
const AUTH = { authorization: `Bearer ${mock.secretKey}` };

const trivialDispatcher = createMswDispatcher(() => trivial);
const trivialServer = await listen(() => trivial);
const mockServer = await mock.listen();
const agent = new Agent({ connections: BATCH });
const vinrInProcess = mock.client({ maxRetries: 0 });
const { Vinr } = await import('@vinr/sdk');
const vinrLoopback = new Vinr({
  baseURL: mockServer.baseURL,
  secretKey: mock.secretKey,
  dispatcher: agent,
  maxRetries: 0,
});
// setupServer only sees global fetch and node:http; the undici-based variants are not intercepted by it.
const msw = setupServer(...trivial, ...mock.handlers);
msw.listen({ onUnhandledRequest: 'error' });

const drain = async (p: Promise<{ body: { dump(): Promise<void> } }>) => (await p).body.dump();
const batch = (one: () => Promise<unknown>) => async () => {
  await Promise.all(Array.from({ length: BATCH }, one));
};

const VARIANTS: Record<string, () => Promise<void>> = {
  'floor: msw getResponse, trivial handler': batch(() => getResponse(trivial, new Request('http://x/v1/ping'))),
  'msw getResponse, mock.handlers retrieve': batch(() =>
    getResponse(mock.handlers, new Request(`http://x${retrievePath}`, { headers: AUTH })),
  ),
  'dispatcher, trivial': batch(() => drain(request('https://api.vinr.com/v1/ping', { dispatcher: trivialDispatcher }))),
  'dispatcher, retrieve': batch(() =>
    drain(request(`https://api.vinr.com${retrievePath}`, { dispatcher: mock.dispatcher, headers: AUTH })),
  ),
  'dispatcher, SDK offers.retrieve': batch(() => vinrInProcess.engagement.offers.retrieve(offer.id)),
  'loopback, trivial': batch(() => drain(request(`${trivialServer.url}/v1/ping`, { dispatcher: agent }))),
  'loopback, retrieve': batch(() =>
    drain(request(`${mockServer.url}${retrievePath}`, { dispatcher: agent, headers: AUTH })),
  ),
  'loopback, SDK offers.retrieve': batch(() => vinrLoopback.engagement.offers.retrieve(offer.id)),
  'setupServer + fetch, trivial': batch(async () => (await fetch('https://api.vinr.com/v1/ping')).arrayBuffer()),
  'setupServer + fetch, retrieve': batch(async () =>
    (await fetch(`https://api.vinr.com${retrievePath}`, { headers: AUTH })).arrayBuffer(),
  ),
};

const FLOOR = 'floor: msw getResponse, trivial handler';
/** A variant that throws is reported, not silently shown as 0 req/s. */
const failures: string[] = [];
const samples = new Map<string, number[]>(Object.keys(VARIANTS).map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: TIME_MS, warmupTime: quick ? 50 : 200 });
  for (const [name, fn] of Object.entries(VARIANTS)) {
    if (!process.env.BENCH_ONLY || name === FLOOR || process.env.BENCH_ONLY.split(',').some((w) => name.includes(w)))
      bench.add(name, fn);
  }
  await bench.run();
  for (const task of bench.tasks) {
    const error = task.result && 'error' in task.result ? task.result.error : undefined;
    if (error)
      failures.push(`${task.name} (round ${round + 1}): ${error instanceof Error ? error.message : String(error)}`);
    const hz = task.result && 'throughput' in task.result ? task.result.throughput.mean : 0;
    if (!error) samples.get(task.name)?.push(hz * BATCH);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const floor = median(samples.get(FLOOR) ?? []);
const rows = [...samples].map(([name, xs]) => ({
  variant: name,
  'req/s': Math.round(median(xs)),
  'vs floor': `${(median(xs) / floor).toFixed(3)}×`,
}));
console.log(`transports: ${ROUNDS} round(s) × ${TIME_MS} ms, batches of ${BATCH} concurrent requests`);
console.table(rows);
for (const f of failures) console.log(`FAILED ${f}`);

msw.close();
await vinrLoopback.close();
await Promise.all([trivialServer.close(), mockServer.close()]);
