import { NotFoundError, OfferLimitReachedError, OfferNotEligibleError } from '@vinr/sdk';
import { describe, expect, test } from 'vitest';
import { doublePoints, frozenMock, liveOffer, refusal, tenPercent } from './support/offers.js';

describe('offers.checkEligibility', () => {
  test('an auto offer the member may use: eligible, nothing to activate, remaining slots', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, per_member_limit: 3 });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    expect(await vinr.engagement.offers.checkEligibility({ offer: offer.id, account: member.id })).toEqual({
      object: 'offer_eligibility',
      offer: offer.id,
      account: member.id,
      eligible: true,
      requires_activation: false,
      reasons: [],
      failed_conditions: [],
      remaining: { offer: null, member: 3 },
    });
  });

  test('requires_activation is true for an opt-in offer until the member has an active activation', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...doublePoints, activation: 'opt_in' });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const check = () => vinr.engagement.offers.checkEligibility({ offer: offer.id, account: member.id });
    expect(await check()).toMatchObject({ eligible: true, requires_activation: true });
    await vinr.engagement.offers.activate({ offer: offer.id, account: member.id });
    expect(await check()).toMatchObject({ eligible: true, requires_activation: false });
  });

  test('every failing check is a reason, in a fixed order; failed_conditions in targeting order', async () => {
    const { vinr } = frozenMock();
    await vinr.engagement.segments.create({ key: 'vip' });
    const offer = await vinr.engagement.offers.create({
      ...tenPercent,
      targeting: {
        metadata: { plan: 'pro' },
        enrolled_before: '2020-01-01T00:00:00Z',
        min_balance: 100,
        tiers: ['gold'],
        segments: ['vip'],
      },
    });
    const member = await vinr.engagement.loyaltyAccounts.create({ tier: 'silver' });
    await vinr.engagement.loyaltyAccounts.update(member.id, { status: 'suspended' });
    const check = await vinr.engagement.offers.checkEligibility({ offer: offer.id, account: member.id });
    expect(check).toMatchObject({
      eligible: false,
      reasons: ['offer_not_active', 'account_not_active', 'targeting'],
      failed_conditions: ['segments', 'tiers', 'min_balance', 'enrolled_before', 'metadata'],
    });
  });

  test('an auto one-off bonus is used up by its first redemption, whatever per_member_limit says', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, {
      name: 'Welcome',
      incentive: { type: 'points_bonus', points: 100 },
      activation: 'auto',
      per_member_limit: 5,
    });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await vinr.engagement.events.track({
      type: 'payment.completed',
      account: member.id,
      payment_id: 'p1',
      amount: 100,
      currency: 'eur',
    });
    const check = await vinr.engagement.offers.checkEligibility({ offer: offer.id, account: member.id });
    expect(check).toMatchObject({ eligible: false, reasons: ['per_member_limit'], remaining: { member: 0 } });
  });

  test('an offer expired by its cap is offer_not_active plus max_redemptions, with nothing remaining', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1 });
    const [alice, bob] = await Promise.all([
      vinr.engagement.loyaltyAccounts.create({}),
      vinr.engagement.loyaltyAccounts.create({}),
    ]);
    await vinr.engagement.events.track({
      type: 'payment.completed',
      account: alice.id,
      payment_id: 'p1',
      amount: 100,
      currency: 'eur',
    });
    const check = await vinr.engagement.offers.checkEligibility({ offer: offer.id, account: bob.id });
    expect(check).toMatchObject({
      reasons: ['offer_not_active', 'max_redemptions'],
      remaining: { offer: 0, member: 1 },
    });
  });

  test('it writes nothing, emits nothing and uses no limit', async () => {
    const { mock, vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1 });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const events = mock.events.length;
    for (let i = 0; i < 3; i++) await vinr.engagement.offers.checkEligibility({ offer: offer.id, account: member.id });
    expect(mock.events.length).toBe(events);
    expect(await vinr.engagement.offers.retrieve(offer.id)).toMatchObject({ redemption_count: 0, reserved_count: 0 });
    expect(await vinr.engagement.redemptions.list().toArray({ limit: 10 })).toEqual([]);
  });

  test('an unknown offer or account is a 404 naming which', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, tenPercent);
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const noOffer = await refusal(vinr.engagement.offers.checkEligibility({ offer: 'ofr_nope', account: member.id }));
    expect(noOffer).toBeInstanceOf(NotFoundError);
    expect(noOffer).toMatchObject({ param: 'offer' });
    const noAccount = await refusal(vinr.engagement.offers.checkEligibility({ offer: offer.id, account: 'loy_nope' }));
    expect(noAccount).toMatchObject({ status: 404, param: 'account' });
  });
});

describe('activation runs the same check', () => {
  test('refused with the error of the first reason: targeting → OfferNotEligibleError', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...doublePoints, activation: 'opt_in', targeting: { tiers: ['gold'] } });
    const member = await vinr.engagement.loyaltyAccounts.create({ tier: 'silver' });
    const check = await vinr.engagement.offers.checkEligibility({ offer: offer.id, account: member.id });
    const error = await refusal(vinr.engagement.offers.activate({ offer: offer.id, account: member.id }));
    expect(check.reasons).toEqual(['targeting']);
    expect(error).toBeInstanceOf(OfferNotEligibleError);
    expect((error as OfferNotEligibleError).failedConditions).toEqual(check.failed_conditions);
  });

  test('slots held by an open checkout refuse activations with max_redemptions', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...doublePoints, activation: 'opt_in', max_redemptions: 1 });
    const [alice, bob] = await Promise.all([
      vinr.engagement.loyaltyAccounts.create({}),
      vinr.engagement.loyaltyAccounts.create({}),
    ]);
    await vinr.engagement.offers.activate({ offer: offer.id, account: alice.id });
    const checkout = await vinr.engagement.checkouts.create({ account: alice.id, amount: 1000, currency: 'eur' });
    expect(checkout.applied.map((a) => a.offer)).toEqual([offer.id]);
    const error = await refusal(vinr.engagement.offers.activate({ offer: offer.id, account: bob.id }));
    expect(error).toBeInstanceOf(OfferLimitReachedError);
    expect((error as OfferLimitReachedError).limit).toBe('max_redemptions');
    await vinr.engagement.checkouts.cancel(checkout.id);
    const activation = await vinr.engagement.offers.activate({ offer: offer.id, account: bob.id });
    expect(activation.status).toBe('active');
  });
});

describe('offers.list({ eligible_for })', () => {
  test('lists only the offers the member is eligible for, ANDed with status, paginated over eligible ones', async () => {
    const { vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({ tier: 'silver' });
    const usable1 = await liveOffer(vinr, { ...tenPercent, name: 'usable 1' });
    await liveOffer(vinr, { ...tenPercent, name: 'gold only', targeting: { tiers: ['gold'] } });
    const usable2 = await liveOffer(vinr, { ...doublePoints, name: 'usable 2' });
    const paused = await liveOffer(vinr, { ...doublePoints, name: 'paused' });
    await vinr.engagement.offers.pause(paused.id);
    await vinr.engagement.offers.create({ ...tenPercent, name: 'draft' });

    const all = await vinr.engagement.offers.list({ eligible_for: member.id }).toArray({ limit: 100 });
    expect(all.map((o) => o.name)).toEqual(['usable 2', 'usable 1']);
    const first = await vinr.engagement.offers.list({ eligible_for: member.id, limit: 1 });
    expect(first.data.map((o) => o.id)).toEqual([usable2.id]);
    expect(first.has_more).toBe(true);
    const second = await vinr.engagement.offers.list({ eligible_for: member.id, limit: 1, starting_after: usable2.id });
    expect(second.data.map((o) => o.id)).toEqual([usable1.id]);
    expect(second.has_more).toBe(false);
    const paused2 = await vinr.engagement.offers
      .list({ eligible_for: member.id, status: 'paused' })
      .toArray({ limit: 10 });
    expect(paused2).toEqual([]);
    const error = await refusal(vinr.engagement.offers.list({ eligible_for: 'loy_nope' }).toArray({ limit: 10 }));
    expect(error).toMatchObject({ status: 404, param: 'eligible_for' });
  });
});
