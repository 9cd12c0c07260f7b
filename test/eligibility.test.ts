import { ConflictError, NotFoundError, OfferLimitReachedError, OfferNotEligibleError, type Vinr } from '@vinr/sdk';
import { describe, expect, test } from 'vitest';
import { doublePoints, frozenMock, liveOffer, refusal, tenPercent, twoMembers } from './support/offers.js';
import { setup } from './support/setup.js';

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
    const [alice, bob] = await twoMembers(vinr);
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
    const [alice, bob] = await twoMembers(vinr);
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

/** An opt-in multiplier (its activation stays open across purchases) and a gold member who activated it. */
async function openActivation(vinr: Vinr, ends_at: string | null = null) {
  const offer = await vinr.engagement.offers.create({
    name: 'opt-in 2x for gold',
    incentive: { type: 'points_multiplier', multiplier: 2 },
    activation: 'opt_in',
    targeting: { tiers: ['gold'] },
    ends_at,
  });
  await vinr.engagement.offers.publish(offer.id);
  const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
  const activation = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
  expect(activation.status).toBe('active');
  return { offer, account, activation };
}

describe('activating again with an open activation still checks state, window and targeting', () => {
  test('a paused offer refuses with offer_not_active { status: paused }', async () => {
    const { mock, vinr } = setup();
    const { offer, account } = await openActivation(vinr);
    await vinr.engagement.offers.pause(offer.id);
    const before = mock.events.length;
    const err = await refusal(vinr.engagement.offers.activate({ offer: offer.id, account: account.id }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: 'offer_not_active', details: { status: 'paused' } });
    expect(mock.events).toHaveLength(before);
  });

  test('an offer expired by ends_at refuses with offer_limit_reached / time_window', async () => {
    const { mock, vinr } = setup();
    const { offer, account } = await openActivation(vinr, '2026-06-02T00:00:00Z');
    mock.clock.advance('1d');
    expect((await vinr.engagement.offers.retrieve(offer.id)).expired_reason).toBe('ends_at');
    const err = await refusal(vinr.engagement.offers.activate({ offer: offer.id, account: account.id }));
    expect(err).toBeInstanceOf(OfferLimitReachedError);
    expect((err as OfferLimitReachedError).limit).toBe('time_window');
  });

  test('a member who drifted out of the targeted tier is refused with failed_conditions', async () => {
    const { vinr } = setup();
    const { offer, account, activation } = await openActivation(vinr);
    await vinr.engagement.loyaltyAccounts.update(account.id, { tier: 'silver' });
    const err = await refusal(vinr.engagement.offers.activate({ offer: offer.id, account: account.id }));
    expect(err).toBeInstanceOf(OfferNotEligibleError);
    expect((err as OfferNotEligibleError).failedConditions).toEqual(['tiers']);
    // Back in the tier, the same open activation is returned: nothing was written meanwhile.
    await vinr.engagement.loyaltyAccounts.update(account.id, { tier: 'gold' });
    expect(await vinr.engagement.offers.activate({ offer: offer.id, account: account.id })).toEqual(activation);
  });
});
