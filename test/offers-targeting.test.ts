import type { Targeting, Vinr } from '@vinr/sdk';
import { OfferNotEligibleError } from '@vinr/sdk';
import { describe, expect, test } from 'vitest';
import { purchaser } from './support/purchases.js';
import { setup } from './support/setup.js';

async function bonusOffer(vinr: Vinr, targeting: Targeting) {
  const offer = await vinr.engagement.offers.create({
    name: 'targeted bonus',
    incentive: { type: 'points_bonus', points: 10 },
    targeting,
  });
  await vinr.engagement.offers.publish(offer.id);
  return offer;
}

const failed = (vinr: Vinr, offer: string, account: string) =>
  vinr.engagement.offers.activate({ offer, account }).then(
    () => [] as string[],
    (e: unknown) => {
      if (!(e instanceof OfferNotEligibleError)) throw e;
      return e.failedConditions;
    },
  );

describe('every condition at its boundary', () => {
  test('min_balance is inclusive', async () => {
    const { vinr } = setup();
    const offer = await bonusOffer(vinr, { min_balance: 500 });
    const below = await vinr.engagement.loyaltyAccounts.create({ points_balance: 499 });
    const at = await vinr.engagement.loyaltyAccounts.create({ points_balance: 500 });
    expect(await failed(vinr, offer.id, below.id)).toEqual(['min_balance']);
    expect(await failed(vinr, offer.id, at.id)).toEqual([]);
  });

  test('enrolled_before is strict', async () => {
    const { vinr } = setup();
    const offer = await bonusOffer(vinr, { enrolled_before: '2026-01-01T00:00:00Z' });
    const exact = await vinr.engagement.loyaltyAccounts.create({ enrolled_at: '2026-01-01T00:00:00Z' });
    const before = await vinr.engagement.loyaltyAccounts.create({ enrolled_at: '2025-12-31T23:59:59.999Z' });
    expect(await failed(vinr, offer.id, exact.id)).toEqual(['enrolled_before']);
    expect(await failed(vinr, offer.id, before.id)).toEqual([]);
  });

  test('tiers: any listed tier; no tier fails', async () => {
    const { vinr } = setup();
    const offer = await bonusOffer(vinr, { tiers: ['gold', 'platinum'] });
    const plat = await vinr.engagement.loyaltyAccounts.create({ tier: 'platinum' });
    const none = await vinr.engagement.loyaltyAccounts.create({});
    const caseDiffers = await vinr.engagement.loyaltyAccounts.create({ tier: 'Gold' });
    expect(await failed(vinr, offer.id, plat.id)).toEqual([]);
    expect(await failed(vinr, offer.id, none.id)).toEqual(['tiers']);
    expect(await failed(vinr, offer.id, caseDiffers.id)).toEqual(['tiers']);
  });

  test('segments: any listed segment', async () => {
    const { vinr } = setup();
    await vinr.engagement.segments.create({ key: 'a' });
    await vinr.engagement.segments.create({ key: 'b' });
    const offer = await bonusOffer(vinr, { segments: ['a', 'b'] });
    const inB = await vinr.engagement.loyaltyAccounts.create({});
    const inNone = await vinr.engagement.loyaltyAccounts.create({});
    await vinr.engagement.segments.addMembers('b', { accounts: [inB.id] });
    expect(await failed(vinr, offer.id, inB.id)).toEqual([]);
    expect(await failed(vinr, offer.id, inNone.id)).toEqual(['segments']);
  });

  test('metadata: every key equal, type-sensitive; a missing key fails', async () => {
    const { vinr } = setup();
    const offer = await bonusOffer(vinr, { metadata: { vip: true, region: 'eu', visits: 3 } });
    const exact = await vinr.engagement.loyaltyAccounts.create({
      metadata: { vip: true, region: 'eu', visits: 3, x: 1 },
    });
    const stringly = await vinr.engagement.loyaltyAccounts.create({
      metadata: { vip: 'true', region: 'eu', visits: 3 },
    });
    const missing = await vinr.engagement.loyaltyAccounts.create({ metadata: { vip: true, region: 'eu' } });
    const numberly = await vinr.engagement.loyaltyAccounts.create({
      metadata: { vip: true, region: 'eu', visits: '3' },
    });
    expect(await failed(vinr, offer.id, exact.id)).toEqual([]);
    expect(await failed(vinr, offer.id, stringly.id)).toEqual(['metadata']);
    expect(await failed(vinr, offer.id, missing.id)).toEqual(['metadata']);
    expect(await failed(vinr, offer.id, numberly.id)).toEqual(['metadata']);
  });

  test('failed_conditions lists every failing condition', async () => {
    const { vinr } = setup();
    await vinr.engagement.segments.create({ key: 'vip' });
    const offer = await bonusOffer(vinr, {
      segments: ['vip'],
      tiers: ['gold'],
      min_balance: 1,
      enrolled_before: '2026-01-01T00:00:00Z',
      metadata: { k: 'v' },
    });
    const nobody = await vinr.engagement.loyaltyAccounts.create({});
    const err = await vinr.engagement.offers.activate({ offer: offer.id, account: nobody.id }).catch((e) => e);
    expect(err).toBeInstanceOf(OfferNotEligibleError);
    expect(err.details).toEqual({
      failed_conditions: ['segments', 'tiers', 'min_balance', 'enrolled_before', 'metadata'],
    });
    expect(err.failedConditions).toHaveLength(5);
  });

  test('min_balance is measured before the purchase’s own points', async () => {
    const { vinr } = setup();
    const offer = await vinr.engagement.offers.create({
      name: '2x above 100 points',
      incentive: { type: 'points_multiplier', multiplier: 2 },
      targeting: { min_balance: 100 },
      per_member_limit: 5,
    });
    await vinr.engagement.offers.publish(offer.id);
    const account = await vinr.engagement.loyaltyAccounts.create({ points_balance: 50 });
    const track = purchaser(vinr, account.id, 5000);
    expect((await track('p1')).redemptions).toHaveLength(0); // 50 before, 100 after
    expect((await track('p2')).redemptions).toHaveLength(1); // 100 before
  });
});

describe('targeting is evaluated again at redemption, against the account as it is then', () => {
  async function optInMultiplier(vinr: Vinr, targeting: Targeting) {
    const offer = await vinr.engagement.offers.create({
      name: 'opt-in 2x',
      incentive: { type: 'points_multiplier', multiplier: 2 },
      activation: 'opt_in',
      per_member_limit: 10,
      targeting,
    });
    await vinr.engagement.offers.publish(offer.id);
    return offer;
  }

  test('drift out of and back into a tier', async () => {
    const { vinr } = setup();
    const offer = await optInMultiplier(vinr, { tiers: ['gold'] });
    const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
    await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    const track = purchaser(vinr, account.id, 1000);
    await vinr.engagement.loyaltyAccounts.update(account.id, { tier: 'silver' });
    expect((await track('p1')).redemptions).toHaveLength(0);
    await vinr.engagement.loyaltyAccounts.update(account.id, { tier: 'gold' });
    expect((await track('p2')).redemptions).toHaveLength(1);
    await vinr.engagement.loyaltyAccounts.update(account.id, { tier: null });
    expect((await track('p3')).redemptions).toHaveLength(0);
  });

  test('drift out of and back into a segment', async () => {
    const { vinr } = setup();
    await vinr.engagement.segments.create({ key: 'lapsed_90d' });
    const offer = await optInMultiplier(vinr, { segments: ['lapsed_90d'] });
    const account = await vinr.engagement.loyaltyAccounts.create({});
    await vinr.engagement.segments.addMembers('lapsed_90d', { accounts: [account.id] });
    await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    const track = purchaser(vinr, account.id, 1000);
    await vinr.engagement.segments.removeMembers('lapsed_90d', { accounts: [account.id] });
    expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).segments).toEqual([]);
    expect((await track('p1')).redemptions).toHaveLength(0);
    await vinr.engagement.segments.addMembers('lapsed_90d', { accounts: [account.id] });
    expect((await track('p2')).redemptions).toHaveLength(1);
  });

  test('a member suspended after activation gets no offer, but track still succeeds', async () => {
    const { vinr } = setup();
    const offer = await optInMultiplier(vinr, {});
    const account = await vinr.engagement.loyaltyAccounts.create({});
    await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    await vinr.engagement.loyaltyAccounts.update(account.id, { status: 'suspended' });
    const result = await vinr.engagement.events.track({
      type: 'payment.completed',
      account: account.id,
      payment_id: 'p1',
      amount: 1000,
      currency: 'eur',
    });
    expect(result.redemptions).toHaveLength(0);
  });
});
