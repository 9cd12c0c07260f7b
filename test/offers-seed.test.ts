import { OfferLimitReachedError, OfferNotEligibleError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { describe, expect, test } from 'vitest';

const purchase = (account: string, payment_id: string, amount: number, occurred_at?: string) => ({
  type: 'payment.completed' as const,
  account,
  payment_id,
  amount,
  currency: 'eur',
  ...(occurred_at ? { occurred_at } : {}),
});

describe('seed sample 1: win-back weekend, 2x points for lapsed_90d', () => {
  test('a lapsed member earns double once in the window; others and later purchases earn base only', async () => {
    const mock = createVinrMock({ now: '2026-06-01T09:00:00Z' });
    const vinr = mock.client();
    await vinr.engagement.segments.create({ key: 'lapsed_90d', name: 'Lapsed 90 days' });
    const lapsed = await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_lapsed' });
    const regular = await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_regular' });
    const seg = await vinr.engagement.segments.addMembers('lapsed_90d', { accounts: [lapsed.id] });
    expect(seg.member_count).toBe(1);

    const offer = await vinr.engagement.offers.create({
      name: 'Win-back weekend: 2x points',
      incentive: { type: 'points_multiplier', multiplier: 2 },
      targeting: { segments: ['lapsed_90d'] },
      starts_at: '2026-06-06T00:00:00Z',
      ends_at: '2026-06-08T23:59:59Z',
      per_member_limit: 1,
    });
    expect(offer).toMatchObject({ status: 'draft', activation: 'auto', published_at: null, redemption_count: 0 });
    const published = await vinr.engagement.offers.publish(offer.id);
    expect(published.status).toBe('draft'); // scheduled: published, before starts_at
    expect(published.published_at).toBe('2026-06-01T09:00:00.000Z');

    mock.clock.set('2026-06-06T10:00:00Z');
    expect((await vinr.engagement.offers.retrieve(offer.id)).status).toBe('active');

    const first = await vinr.engagement.events.track(purchase(lapsed.id, 'pay_1', 4999));
    expect(first.points_earned).toBe(49);
    expect(first.redemptions).toHaveLength(1);
    expect(first.redemptions[0]?.points_transaction).toMatchObject({ points: 49, type: 'offer', offer: offer.id });
    expect(first.points_transactions.map((t) => t.points)).toEqual([49, 49]);

    const second = await vinr.engagement.events.track(purchase(lapsed.id, 'pay_2', 2000));
    expect(second.points_earned).toBe(20);
    expect(second.redemptions).toHaveLength(0); // per_member_limit 1

    const other = await vinr.engagement.events.track(purchase(regular.id, 'pay_3', 4999));
    expect(other.points_earned).toBe(49);
    expect(other.redemptions).toHaveLength(0);

    mock.clock.set('2026-06-09T00:00:00Z');
    const late = await vinr.engagement.loyaltyAccounts.create({});
    await vinr.engagement.segments.addMembers('lapsed_90d', { accounts: [late.id] });
    const after = await vinr.engagement.events.track(purchase(late.id, 'pay_4', 4999));
    expect(after.redemptions).toHaveLength(0);
    expect(after.points_earned).toBe(49);

    expect((await vinr.engagement.loyaltyAccounts.retrieve(lapsed.id)).points_balance).toBe(49 + 49 + 20);
    const ended = await vinr.engagement.offers.retrieve(offer.id);
    expect(ended).toMatchObject({ status: 'expired', expired_reason: 'ends_at', redemption_count: 1 });
    const types = mock.events.map((e) => e.type);
    expect(types).toEqual(['loyalty.offer.published', 'loyalty.offer.redeemed', 'loyalty.offer.expired']);
  });
});

describe('seed sample 2: 1,000-point bonus for gold members, capped at 500', () => {
  async function setup() {
    const mock = createVinrMock({ now: '2026-06-01T09:00:00Z' });
    const vinr = mock.client();
    const offer = await vinr.engagement.offers.create({
      name: '1,000-point bonus for gold members',
      incentive: { type: 'points_bonus', points: 1000 },
      targeting: { tiers: ['gold'] },
      max_redemptions: 500,
    });
    expect(offer.activation).toBe('opt_in');
    await vinr.engagement.offers.publish(offer.id);
    return { mock, vinr, offer };
  }

  test('a gold member activates and gets 1000 points at once', async () => {
    const { mock, vinr, offer } = await setup();
    const gold = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold', points_balance: 200 });
    const activation = await vinr.engagement.offers.activate({ offer: offer.id, account: gold.id });
    expect(activation).toMatchObject({
      object: 'offer_activation',
      offer: offer.id,
      account: gold.id,
      status: 'consumed',
    });
    expect(activation.redemption).toMatchObject({ incentive_type: 'points_bonus', activation: activation.id });
    expect(activation.redemption?.points_transaction).toMatchObject({ points: 1000, type: 'offer' });
    expect((await vinr.engagement.loyaltyAccounts.retrieve(gold.id)).points_balance).toBe(1200);
    expect((await vinr.engagement.offers.retrieve(offer.id)).redemption_count).toBe(1);
    expect(mock.events.map((e) => e.type)).toEqual([
      'loyalty.offer.published',
      'loyalty.offer.activated',
      'loyalty.offer.redeemed',
    ]);
    const redeemed = mock.events[2]?.data;
    expect(redeemed).toMatchObject({ offer: offer.id, account: gold.id, discount_amount: null, reward: null });
    expect(redeemed?.points_transaction).toMatchObject({ points: 1000 });

    // Second activation: the bonus was redeemed, so the per-member limit refuses, and nothing is written.
    const again = await vinr.engagement.offers.activate({ offer: offer.id, account: gold.id }).catch((e) => e);
    expect(again).toBeInstanceOf(OfferLimitReachedError);
    expect(again.limit).toBe('per_member_limit');
    expect(mock.events).toHaveLength(3);
    expect((await vinr.engagement.loyaltyAccounts.retrieve(gold.id)).points_balance).toBe(1200);
  });

  test('a silver member is refused with failedConditions [tiers]', async () => {
    const { mock, vinr, offer } = await setup();
    const silver = await vinr.engagement.loyaltyAccounts.create({ tier: 'silver' });
    const err = await vinr.engagement.offers.activate({ offer: offer.id, account: silver.id }).catch((e) => e);
    expect(err).toBeInstanceOf(OfferNotEligibleError);
    expect(err.status).toBe(422);
    expect(err.failedConditions).toEqual(['tiers']);
    expect(mock.events).toHaveLength(1);
    expect((await vinr.engagement.redemptions.list({ offer: offer.id })).data).toHaveLength(0);
  });
});
