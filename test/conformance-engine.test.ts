/**
 * Conformance of the offer engine to its documented rules: regressions found by an audit (docs/offer-engine.md).
 */
import { ConflictError, OfferLimitReachedError, OfferNotEligibleError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { describe, expect, test } from 'vitest';

function setup() {
  const mock = createVinrMock({ now: '2026-06-01T00:00:00Z' });
  return { mock, vinr: mock.client({ maxRetries: 0 }) };
}

type Vinr = ReturnType<typeof setup>['vinr'];

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

const reject = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );

describe('activating again with an open activation still checks state, window and targeting', () => {
  test('a paused offer refuses with offer_not_active { status: paused }', async () => {
    const { mock, vinr } = setup();
    const { offer, account } = await openActivation(vinr);
    await vinr.engagement.offers.pause(offer.id);
    const before = mock.events.length;
    const err = await reject(vinr.engagement.offers.activate({ offer: offer.id, account: account.id }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: 'offer_not_active', details: { status: 'paused' } });
    expect(mock.events).toHaveLength(before);
  });

  test('an offer expired by ends_at refuses with offer_limit_reached / time_window', async () => {
    const { mock, vinr } = setup();
    const { offer, account } = await openActivation(vinr, '2026-06-02T00:00:00Z');
    mock.clock.advance('1d');
    expect((await vinr.engagement.offers.retrieve(offer.id)).expired_reason).toBe('ends_at');
    const err = await reject(vinr.engagement.offers.activate({ offer: offer.id, account: account.id }));
    expect(err).toBeInstanceOf(OfferLimitReachedError);
    expect((err as OfferLimitReachedError).limit).toBe('time_window');
  });

  test('a member who drifted out of the targeted tier is refused with failed_conditions', async () => {
    const { vinr } = setup();
    const { offer, account, activation } = await openActivation(vinr);
    await vinr.engagement.loyaltyAccounts.update(account.id, { tier: 'silver' });
    const err = await reject(vinr.engagement.offers.activate({ offer: offer.id, account: account.id }));
    expect(err).toBeInstanceOf(OfferNotEligibleError);
    expect((err as OfferNotEligibleError).failedConditions).toEqual(['tiers']);
    // Back in the tier, the same open activation is returned: nothing was written meanwhile.
    await vinr.engagement.loyaltyAccounts.update(account.id, { tier: 'gold' });
    expect(await vinr.engagement.offers.activate({ offer: offer.id, account: account.id })).toEqual(activation);
  });
});

describe('replays', () => {
  test('a used payment_id reported for an unknown account is payment_conflict, not a 404', async () => {
    const { vinr } = setup();
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const payment = { type: 'payment.completed', payment_id: 'pay_1', amount: 1000, currency: 'eur' } as const;
    await vinr.engagement.events.track({ ...payment, account: account.id });
    const err = await reject(vinr.engagement.events.track({ ...payment, account: 'loy_unknown' }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ status: 409, code: 'payment_conflict', details: { account: account.id } });
    // A fresh payment_id for an unknown account is still the 404 it always was.
    const missing = await reject(vinr.engagement.events.track({ ...payment, payment_id: 'pay_2', account: 'loy_x' }));
    expect(missing).toMatchObject({ status: 404, code: 'resource_missing', param: 'account' });
  });
});

describe('auto points_bonus and gift_reward', () => {
  test('apply on the member’s first qualifying purchase only, even with a per_member_limit above 1', async () => {
    const { mock, vinr } = setup();
    const mug = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 });
    const incentives = [
      { type: 'points_bonus', points: 500 },
      { type: 'gift_reward', reward: mug.id },
    ] as const;
    for (const incentive of incentives) {
      const offer = await vinr.engagement.offers.create({
        name: incentive.type,
        incentive,
        activation: 'auto',
        per_member_limit: 3,
      });
      await vinr.engagement.offers.publish(offer.id);
    }
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const counts: number[] = [];
    for (const payment_id of ['pay_1', 'pay_2', 'pay_3']) {
      const result = await vinr.engagement.events.track({
        type: 'payment.completed',
        account: account.id,
        payment_id,
        amount: 1000,
        currency: 'eur',
      });
      counts.push(result.redemptions.length);
    }
    expect(counts).toEqual([2, 0, 0]);
    expect(mock.events.filter((e) => e.type === 'loyalty.offer.redeemed')).toHaveLength(2);
    expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).points_balance).toBe(3 * 10 + 500);
  });
});

test('expired is final: moving the clock back does not revive an offer that expired by ends_at', async () => {
  const { mock, vinr } = setup();
  const offer = await vinr.engagement.offers.create({
    name: 'short',
    incentive: { type: 'points_bonus', points: 10 },
    ends_at: '2026-06-02T00:00:00Z',
  });
  await vinr.engagement.offers.publish(offer.id);
  const account = await vinr.engagement.loyaltyAccounts.create({});
  mock.clock.set('2026-06-03T00:00:00Z');
  expect(await vinr.engagement.offers.retrieve(offer.id)).toMatchObject({
    status: 'expired',
    expired_reason: 'ends_at',
  });
  mock.clock.set('2026-06-01T12:00:00Z');
  expect(await vinr.engagement.offers.retrieve(offer.id)).toMatchObject({
    status: 'expired',
    expired_reason: 'ends_at',
  });
  const e = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id }).catch((x) => x);
  expect(e).toBeInstanceOf(OfferLimitReachedError);
  expect(mock.events.filter((x) => x.type === 'loyalty.offer.expired')).toHaveLength(1);
});
