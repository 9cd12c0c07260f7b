/**
 * Fixture cost: restoring a snapshot versus rebuilding the same state through the SDK (what a `beforeEach` pays).
 *
 *   npx tsx bench/snapshot.ts [members]
 */
import { createVinrMock, type VinrMock } from '@vinr/sdk/mocks';

const MEMBERS = Number(process.argv[2] ?? 200);

async function build(mock: VinrMock): Promise<void> {
  const vinr = mock.client();
  await vinr.engagement.segments.create({ key: 'vip', name: 'VIP' });
  const offer = await vinr.engagement.offers.create({
    name: 'Bonus',
    incentive: { type: 'points_bonus', points: 100 },
    max_redemptions: MEMBERS,
  });
  await vinr.engagement.offers.publish(offer.id);
  const ids: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const account = await vinr.engagement.loyaltyAccounts.create({ customer: `cus_${i}`, points_balance: i });
    ids.push(account.id);
    await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
  }
  await vinr.engagement.segments.addMembers('vip', { accounts: ids.slice(0, 100) });
}

const time = async (fn: () => unknown, runs: number) => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
};

const source = createVinrMock({ seed: 'bench', now: '2026-01-10T00:00:00Z' });
await build(source);
const snapshot = source.snapshot();
const bytes = JSON.stringify(snapshot).length;
const rebuild = await time(async () => {
  const m = createVinrMock({ seed: 'bench', now: '2026-01-10T00:00:00Z' });
  await build(m);
}, 5);
const target = createVinrMock({ seed: 'bench' });
const restore = await time(() => target.restore(snapshot), 20);
const take = await time(() => source.snapshot(), 20);
console.table([
  {
    members: MEMBERS,
    'SDK calls to rebuild': 3 + MEMBERS * 2 + 1,
    'rebuild ms': rebuild.toFixed(1),
    'restore ms': restore.toFixed(2),
    'snapshot ms': take.toFixed(2),
    'snapshot KiB': (bytes / 1024).toFixed(0),
    'rebuild / restore': `${(rebuild / restore).toFixed(0)}×`,
  },
]);
