/**
 * What the request journal costs on the in-process path: the same setup with the journal on (default) and off
 * (`journalLimit: 0`). CPU time per request, in short alternating rounds; the figure is the median of the
 * per-round on/off ratios, which cancels most of the drift of a shared machine (wall-clock req/s does not).
 *
 *   npx tsx bench/journal.ts [--quick]
 */
import { createVinrMock } from '@vinr/sdk/mocks';
import { getResponse } from 'msw';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 8 : 40;
const PER_ROUND = 800;
const BATCH = 16;

async function setup(journalLimit?: number) {
  const mock = createVinrMock({ now: '2026-01-10T00:00:00Z', ...(journalLimit === undefined ? {} : { journalLimit }) });
  const vinr = mock.client({ maxRetries: 0 });
  const offer = await vinr.engagement.offers.create({ name: 'b', incentive: { type: 'points_bonus', points: 5 } });
  const url = `https://api.vinr.com/v1/engagement/offers/${offer.id}`;
  const headers = { authorization: `Bearer ${mock.secretKey}` };
  return {
    handlers: () => getResponse(mock.handlers, new Request(url, { headers })),
    sdk: () => vinr.engagement.offers.retrieve(offer.id),
  };
}

const cpuPerRequest = async (one: () => Promise<unknown>) => {
  const start = process.cpuUsage();
  for (let i = 0; i < PER_ROUND / BATCH; i++) await Promise.all(Array.from({ length: BATCH }, one));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / PER_ROUND;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const on = await setup();
const off = await setup(0);
const rows = [];
for (const path of ['handlers', 'sdk'] as const) {
  const onUs: number[] = [];
  const offUs: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const first = round % 2 ? on : off;
    const second = first === on ? off : on;
    const a = await cpuPerRequest(first[path]);
    const b = await cpuPerRequest(second[path]);
    if (round === 0) continue; // warm-up
    onUs.push(first === on ? a : b);
    offUs.push(first === on ? b : a);
  }
  const ratios = onUs.map((x, i) => x / (offUs[i] as number)).sort((a, b) => a - b);
  rows.push({
    path: path === 'handlers' ? 'msw getResponse, retrieve' : 'SDK retrieve via mock.dispatcher',
    'CPU µs/req, journal on': median(onUs).toFixed(1),
    'CPU µs/req, journal off': median(offUs).toFixed(1),
    'on / off (median of rounds)': median(ratios).toFixed(3),
    IQR: `${ratios[Math.floor(ratios.length / 4)]?.toFixed(3)}–${ratios[Math.floor((3 * ratios.length) / 4)]?.toFixed(3)}`,
  });
}
console.table(rows);
