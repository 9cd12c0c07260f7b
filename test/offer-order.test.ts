import { expect, test } from 'vitest';
import { frozenMock, liveOffer } from './support/offers.js';

// With a frozen clock every offer shares starts_at and created_at: only creation order can break the tie,
// and ids are random, so an id-ordered engine would fail these almost surely.

test('offers that share starts_at and created_at apply in creation order, never id order', async () => {
  const { vinr } = frozenMock();
  const offers = [];
  for (let i = 0; i < 6; i++) {
    offers.push(
      await liveOffer(vinr, { name: `half off ${i}`, incentive: { type: 'percentage_discount', percent: 50 } }),
    );
  }
  const member = await vinr.engagement.loyaltyAccounts.create({});
  const event = await vinr.engagement.events.track({
    type: 'payment.completed',
    account: member.id,
    payment_id: 'pay_1',
    amount: 1000,
    currency: 'eur',
  });
  // The first two use up the whole amount; the others are worth 0 and do not apply.
  expect(event.redemptions.map((r) => r.offer)).toEqual([offers[0]!.id, offers[1]!.id]);
  const quote = await vinr.engagement.checkouts.preview({ account: member.id, amount: 1000, currency: 'eur' });
  expect(quote.applied.map((a) => a.offer)).toEqual([offers[2]!.id, offers[3]!.id]);
});

test('offers that share created_at list newest first in creation order', async () => {
  const { vinr } = frozenMock();
  const made = [];
  for (let i = 0; i < 6; i++) {
    made.push(await vinr.engagement.offers.create({ name: `o${i}`, incentive: { type: 'points_bonus', points: 1 } }));
  }
  const listed = await vinr.engagement.offers.list().toArray({ limit: 10 });
  expect(listed.map((o) => o.id)).toEqual(made.map((o) => o.id).reverse());
});
