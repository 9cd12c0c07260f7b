import { OfferLimitReachedError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { expect, test } from 'vitest';

// In-process on purpose (mock.client() uses the undici dispatcher bridge): every request is in
// flight at once in the same event loop, the setting where an `await` inside a check-and-commit
// would let requests interleave and overshoot a cap.

test('200 simultaneous activations against max_redemptions 50: exactly 50 redeem, 150 are refused', async () => {
  const mock = createVinrMock({ now: '2026-06-06T12:00:00Z' });
  const vinr = mock.client({ maxRetries: 0 });
  const offer = await vinr.engagement.offers.create({
    name: 'First 50 get 500 points',
    incentive: { type: 'points_bonus', points: 500 },
    max_redemptions: 50,
  });
  await vinr.engagement.offers.publish(offer.id);
  const accounts = await Promise.all(Array.from({ length: 200 }, () => vinr.engagement.loyaltyAccounts.create({})));

  const results = await Promise.allSettled(
    accounts.map((a) => vinr.engagement.offers.activate({ offer: offer.id, account: a.id })),
  );
  const ok = results.filter((r) => r.status === 'fulfilled');
  const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  expect(ok).toHaveLength(50);
  expect(refused).toHaveLength(150);
  for (const e of refused) {
    expect(e).toBeInstanceOf(OfferLimitReachedError);
    expect((e as OfferLimitReachedError).limit).toBe('max_redemptions');
  }
  const read = await vinr.engagement.offers.retrieve(offer.id);
  expect(read).toMatchObject({ status: 'expired', expired_reason: 'max_redemptions', redemption_count: 50 });
  const redemptions = await vinr.engagement.redemptions.list({ offer: offer.id }).toArray({ limit: 1000 });
  expect(redemptions).toHaveLength(50);
  expect(mock.events.filter((e) => e.type === 'loyalty.offer.expired')).toHaveLength(1);
});

test('100 simultaneous purchases by 10 members against a multiplier capped at 20, 3 per member', async () => {
  const mock = createVinrMock({ now: '2026-06-06T12:00:00Z' });
  const vinr = mock.client({ maxRetries: 0 });
  const offer = await vinr.engagement.offers.create({
    name: 'Triple points, first 20',
    incentive: { type: 'points_multiplier', multiplier: 3 },
    max_redemptions: 20,
    per_member_limit: 3,
  });
  await vinr.engagement.offers.publish(offer.id);
  const members = await Promise.all(Array.from({ length: 10 }, () => vinr.engagement.loyaltyAccounts.create({})));

  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) => {
      const account = members[i % 10]!.id;
      return vinr.engagement.events.track({
        type: 'payment.completed',
        account,
        payment_id: `pay_${i}`,
        amount: 1000,
        currency: 'eur',
      });
    }),
  );
  const applied = results.flatMap((r) => r.redemptions);
  expect(applied).toHaveLength(20);
  expect(results.every((r) => r.points_earned === 10)).toBe(true);
  const perMember = new Map<string, number>();
  for (const r of applied) perMember.set(r.account, (perMember.get(r.account) ?? 0) + 1);
  expect(Math.max(...perMember.values())).toBeLessThanOrEqual(3);
  const read = await vinr.engagement.offers.retrieve(offer.id);
  expect(read).toMatchObject({ redemption_count: 20, status: 'expired', expired_reason: 'max_redemptions' });
  for (const m of members) {
    const account = await vinr.engagement.loyaltyAccounts.retrieve(m.id);
    const txs = await vinr.engagement.pointsTransactions.list({ account: m.id }).toArray({ limit: 1000 });
    expect(account.points_balance).toBe(txs.reduce((sum, t) => sum + t.points, 0));
    expect(account.points_balance).toBe(100 + 20 * (perMember.get(m.id) ?? 0));
  }
});

test('20 simultaneous purchases by one member against an auto points_bonus: exactly one bonus', async () => {
  const mock = createVinrMock({ now: '2026-06-06T12:00:00Z' });
  const vinr = mock.client({ maxRetries: 0 });
  const offer = await vinr.engagement.offers.create({
    name: 'Welcome bonus on first purchase',
    incentive: { type: 'points_bonus', points: 250 },
    activation: 'auto',
  });
  await vinr.engagement.offers.publish(offer.id);
  const member = await vinr.engagement.loyaltyAccounts.create({});

  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      vinr.engagement.events.track({
        type: 'payment.completed',
        account: member.id,
        payment_id: `pay_${i}`,
        amount: 500,
        currency: 'eur',
      }),
    ),
  );
  const bonuses = results.flatMap((r) => r.redemptions);
  expect(bonuses).toHaveLength(1);
  expect(bonuses[0]?.points_transaction?.points).toBe(250);
  expect((await vinr.engagement.loyaltyAccounts.retrieve(member.id)).points_balance).toBe(20 * 5 + 250);
  expect((await vinr.engagement.offers.retrieve(offer.id)).redemption_count).toBe(1);
});
