/**
 * Engine benchmark: activations/s, tracked purchases/s, checkouts (create + complete)/s and refunds/s of the offer engine alone
 * (synchronous calls, no HTTP), of the full in-process path (SDK → undici dispatcher → msw → engine), and the
 * floor of bare msw `getResponse` on a trivial handler, in the same run. Target: the engine costs < 15 % of the
 * in-process path. Rounds alternate so drift on a shared machine spreads over every variant; figures are medians.
 *
 *   npm run bench:engine [-- --quick]
 */
import { createVinrMock } from '@vinr/sdk/mocks';
import { getResponse, HttpResponse, http } from 'msw';
import { Bench } from 'tinybench';
import { MockClock } from '../mocks/engine/clock.js';
import { Engine } from '../mocks/engine/index.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 5;
const TIME_MS = quick ? 300 : 1_500;
/** In-process calls go in concurrent batches (throughput); engine calls are synchronous, one at a time. */
const BATCH = 16;
const NOW = '2026-06-06T12:00:00Z';
const MANY = 1_000_000_000;

// Each activation of an opt-in bonus redeems and consumes it, so the same member can activate again
// (per_member_limit is huge): every iteration is a full check-and-commit, not the "already open" shortcut.
const bonus = { name: 'bench bonus', incentive: { type: 'points_bonus' as const, points: 10 }, per_member_limit: MANY };
const multiplier = {
  name: 'bench 2x',
  incentive: { type: 'points_multiplier' as const, multiplier: 2 },
  per_member_limit: MANY,
};
const discount = {
  name: 'bench 10%',
  incentive: { type: 'percentage_discount' as const, percent: 10, max_discount: 500 },
  per_member_limit: MANY,
};

const engine = new Engine({ clock: new MockClock(NOW) });
const member = engine.accounts.create({ tier: 'gold' });
const engineBonus = engine.offers.create({ ...bonus, targeting: { tiers: ['gold'] } });
for (const o of [engineBonus, engine.offers.create(multiplier), engine.offers.create(discount)])
  engine.offers.publish(o.id);

const mock = createVinrMock({ now: NOW });
const vinr = mock.client({ maxRetries: 0 });
const mockMember = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
const mockBonus = await vinr.engagement.offers.create({ ...bonus, targeting: { tiers: ['gold'] } });
for (const o of [
  mockBonus,
  await vinr.engagement.offers.create(multiplier),
  await vinr.engagement.offers.create(discount),
]) {
  await vinr.engagement.offers.publish(o.id);
}

const trivial = [http.get('*/v1/ping', () => HttpResponse.json({ ok: true }))];
let payments = 0;
const purchase = (account: string) => ({
  type: 'payment.completed' as const,
  account,
  payment_id: `pay_${++payments}`,
  amount: 4999,
  currency: 'eur',
});
const batch = (one: () => Promise<unknown>) => async () => {
  await Promise.all(Array.from({ length: BATCH }, one));
};

const cart = (account: string) => ({ account, amount: 4999, currency: 'eur' });
let refunds = 0;
const refundOf = (account: string, payment_id: string) => ({
  type: 'payment.refunded' as const,
  account,
  payment_id,
  refund_id: `re_${++refunds}`,
});

/** name → [run one iteration, operations per iteration] */
const VARIANTS: Record<string, [() => unknown, number]> = {
  'engine: activate (bonus, redeems)': [() => engine.activations.activate(engineBonus.id, member.id), 1],
  'engine: track (base + 2 offers)': [() => engine.tracking.track(purchase(member.id)), 1],
  'engine: checkout create+complete (2 offers)': [
    () => {
      const checkout = engine.checkouts.create(cart(member.id));
      engine.checkouts.complete(checkout.id, { payment_id: `pay_${++payments}` });
    },
    1,
  ],
  'engine: track + full refund': [
    () => {
      const paid = engine.tracking.track(purchase(member.id));
      engine.tracking.track(refundOf(member.id, paid.payment_id));
    },
    1,
  ],
  'in-process: SDK offers.activate': [
    batch(() => vinr.engagement.offers.activate({ offer: mockBonus.id, account: mockMember.id })),
    BATCH,
  ],
  'in-process: SDK events.track': [batch(() => vinr.engagement.events.track(purchase(mockMember.id))), BATCH],
  'in-process: SDK checkouts.create+complete': [
    batch(async () => {
      const checkout = await vinr.engagement.checkouts.create(cart(mockMember.id));
      await vinr.engagement.checkouts.complete(checkout.id, { payment_id: `pay_${++payments}` });
    }),
    BATCH,
  ],
  'in-process: SDK track + full refund': [
    batch(async () => {
      const paid = await vinr.engagement.events.track(purchase(mockMember.id));
      await vinr.engagement.events.track(refundOf(mockMember.id, paid.payment_id));
    }),
    BATCH,
  ],
  'floor: msw getResponse, trivial handler': [
    batch(() => getResponse(trivial, new Request('http://x/v1/ping'))),
    BATCH,
  ],
};

const samples = new Map<string, number[]>(Object.keys(VARIANTS).map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: TIME_MS, warmupTime: quick ? 50 : 200 });
  for (const [name, [fn]] of Object.entries(VARIANTS)) bench.add(name, fn);
  await bench.run();
  for (const task of bench.tasks) {
    const hz = task.result && 'throughput' in task.result ? task.result.throughput.mean : 0;
    samples.get(task.name)?.push(hz * (VARIANTS[task.name]?.[1] ?? 1));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const opsPerSec = (name: string) => median(samples.get(name) ?? []);
console.log(`engine: ${ROUNDS} round(s) × ${TIME_MS} ms; in-process variants in batches of ${BATCH}`);
console.table([...samples.keys()].map((name) => ({ variant: name, 'ops/s': Math.round(opsPerSec(name)) })));
const share = (engineName: string, pathName: string) => {
  // Time per operation: the engine's share of what one in-process call costs.
  const pct = (100 * opsPerSec(pathName)) / opsPerSec(engineName);
  return `${pct.toFixed(1)} %${pct < 15 ? '' : '  (above the 15 % target)'}`;
};
console.log(
  `engine share of an in-process activation: ${share('engine: activate (bonus, redeems)', 'in-process: SDK offers.activate')}`,
);
console.log(
  `engine share of an in-process track:      ${share('engine: track (base + 2 offers)', 'in-process: SDK events.track')}`,
);
console.log(
  `engine share of an in-process checkout:   ${share('engine: checkout create+complete (2 offers)', 'in-process: SDK checkouts.create+complete')}`,
);
console.log(
  `engine share of an in-process refund:     ${share('engine: track + full refund', 'in-process: SDK track + full refund')}`,
);
console.log(
  `store after the run: ${engine.store.redemptions.size} engine redemptions, ${engine.events.all().length} events`,
);
