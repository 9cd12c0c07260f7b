import { Vinr } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { Agent } from 'undici';
import { expect, test } from 'vitest';
import { NOW } from './support/offers.js';

// Every checkout is in flight at once: an `await` between reading the counters and reserving would let
// them interleave and overshoot the cap.

async function race(vinr: Vinr, setup: Vinr) {
  const offer = await setup.engagement.offers.create({
    name: '20% off, first 100',
    incentive: { type: 'percentage_discount', percent: 20 },
    max_redemptions: 100,
    per_member_limit: 4,
  });
  await setup.engagement.offers.publish(offer.id);
  // 250 members × 4 carts each: both limits are in play at once.
  const members = await Promise.all(Array.from({ length: 250 }, () => setup.engagement.loyaltyAccounts.create({})));
  const checkouts = await Promise.all(
    Array.from({ length: 1000 }, (_, i) =>
      vinr.engagement.checkouts.create({ account: members[i % 250]!.id, amount: 1000, currency: 'eur' }),
    ),
  );
  const holding = checkouts.filter((c) => c.applied.some((a) => a.offer === offer.id));
  expect(holding).toHaveLength(100);
  expect(holding.every((c) => c.amount_due === 800)).toBe(true);
  expect(checkouts.filter((c) => c.applied.length === 0)).toHaveLength(900);
  expect(await setup.engagement.offers.retrieve(offer.id)).toMatchObject({ reserved_count: 100, redemption_count: 0 });
  // Completing every holder commits exactly the cap, and the last one expires the offer.
  await Promise.all(holding.map((c, i) => vinr.engagement.checkouts.complete(c.id, { payment_id: `pay_${i}` })));
  expect(await setup.engagement.offers.retrieve(offer.id)).toMatchObject({
    reserved_count: 0,
    redemption_count: 100,
    status: 'expired',
    expired_reason: 'max_redemptions',
  });
}

test('1,000 concurrent checkouts against a cap of 100 reserve exactly 100 (in-process)', async () => {
  const mock = createVinrMock({ now: NOW });
  const vinr = mock.client({ maxRetries: 0 });
  await race(vinr, vinr);
}, 60_000);

test('1,000 concurrent checkouts against a cap of 100 reserve exactly 100 (over loopback HTTP)', async () => {
  const mock = createVinrMock({ now: NOW });
  const server = await mock.listen();
  // Capped connections: thousands of sockets on a small machine produce resets, not a test of the server.
  const dispatcher = new Agent({ connections: 64 });
  const vinr = new Vinr({ baseURL: server.baseURL, secretKey: mock.secretKey, dispatcher, maxRetries: 0 });
  try {
    await race(vinr, mock.client({ maxRetries: 0 }));
  } finally {
    await vinr.close();
    await dispatcher.close();
    await server.close();
  }
}, 60_000);
