import { ConflictError, OfferLimitReachedError, UnprocessableEntityError } from '@vinr/sdk';
import { describe, expect, test } from 'vitest';
import { purchaser } from './support/purchases.js';
import { refusal as refused, setup } from './support/setup.js';

const bonus = { type: 'points_bonus' as const, points: 100 };

const refusal = (p: Promise<unknown>) => refused<OfferLimitReachedError>(p);

describe('offer_limit_reached', () => {
  test('time_window: before starts_at (scheduled) and after ends_at (expired)', async () => {
    const { mock, vinr } = setup();
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const offer = await vinr.engagement.offers.create({
      name: 'w',
      incentive: bonus,
      starts_at: '2026-06-06T00:00:00Z',
      ends_at: '2026-06-08T00:00:00Z',
    });
    await vinr.engagement.offers.publish(offer.id);
    const early = await refusal(vinr.engagement.offers.activate({ offer: offer.id, account: account.id }));
    expect(early).toBeInstanceOf(OfferLimitReachedError);
    expect(early).toMatchObject({ status: 409, code: 'offer_limit_reached', limit: 'time_window' });
    mock.clock.set('2026-06-08T00:00:00Z');
    const late = await refusal(vinr.engagement.offers.activate({ offer: offer.id, account: account.id }));
    expect(late.limit).toBe('time_window');
    expect(late.details).toEqual({ limit: 'time_window' });
    expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).points_balance).toBe(0);
  });

  test('max_redemptions: the redemption that reaches the cap expires the offer in the same step', async () => {
    const { mock, vinr } = setup();
    const offer = await vinr.engagement.offers.create({ name: 'cap', incentive: bonus, max_redemptions: 2 });
    await vinr.engagement.offers.publish(offer.id);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => vinr.engagement.loyaltyAccounts.create({})));
    await vinr.engagement.offers.activate({ offer: offer.id, account: a!.id });
    expect((await vinr.engagement.offers.retrieve(offer.id)).status).toBe('active');
    await vinr.engagement.offers.activate({ offer: offer.id, account: b!.id });
    expect(mock.events.at(-1)).toMatchObject({
      type: 'loyalty.offer.expired',
      data: { offer: { id: offer.id, status: 'expired', expired_reason: 'max_redemptions', redemption_count: 2 } },
    });
    const err = await refusal(vinr.engagement.offers.activate({ offer: offer.id, account: c!.id }));
    expect(err.limit).toBe('max_redemptions');
  });

  test('per_member_limit: a bonus with per_member_limit 2 redeems twice, then refuses', async () => {
    const { vinr } = setup();
    const offer = await vinr.engagement.offers.create({ name: 'twice', incentive: bonus, per_member_limit: 2 });
    await vinr.engagement.offers.publish(offer.id);
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const first = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    const second = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    expect(first.id).not.toBe(second.id);
    expect([first.status, second.status]).toEqual(['consumed', 'consumed']);
    const err = await refusal(vinr.engagement.offers.activate({ offer: offer.id, account: account.id }));
    expect(err.limit).toBe('per_member_limit');
    expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).points_balance).toBe(200);
  });
});

describe('other activation refusals', () => {
  test('offer_not_active with details.status for a draft and a paused offer', async () => {
    const { vinr } = setup();
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const offer = await vinr.engagement.offers.create({ name: 'd', incentive: bonus });
    const draft = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id }).catch((e) => e);
    expect(draft).toBeInstanceOf(ConflictError);
    expect(draft).toMatchObject({ code: 'offer_not_active', details: { status: 'draft' } });
    await vinr.engagement.offers.publish(offer.id);
    await vinr.engagement.offers.pause(offer.id);
    const paused = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id }).catch((e) => e);
    expect(paused).toMatchObject({ code: 'offer_not_active', details: { status: 'paused' } });
  });

  test('offer_not_opt_in for an auto offer', async () => {
    const { vinr } = setup();
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const offer = await vinr.engagement.offers.create({
      name: 'auto',
      incentive: { type: 'points_multiplier', multiplier: 2 },
    });
    await vinr.engagement.offers.publish(offer.id);
    const err = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id }).catch((e) => e);
    expect(err).toMatchObject({ status: 409, code: 'offer_not_opt_in' });
  });

  test('account_not_active for a suspended or closed member', async () => {
    const { vinr } = setup();
    const offer = await vinr.engagement.offers.create({ name: 'b', incentive: bonus });
    await vinr.engagement.offers.publish(offer.id);
    for (const status of ['suspended', 'closed'] as const) {
      const account = await vinr.engagement.loyaltyAccounts.create({});
      await vinr.engagement.loyaltyAccounts.update(account.id, { status });
      const err = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id }).catch((e) => e);
      expect(err).toBeInstanceOf(UnprocessableEntityError);
      expect(err).toMatchObject({ status: 422, code: 'account_not_active' });
    }
  });
});

describe('opt-in multiplier activation', () => {
  test('activating again returns the open activation; it is consumed when the per-member limit is used', async () => {
    const { mock, vinr } = setup();
    const offer = await vinr.engagement.offers.create({
      name: 'opt-in 2x',
      incentive: { type: 'points_multiplier', multiplier: 2 },
      activation: 'opt_in',
      per_member_limit: 2,
    });
    await vinr.engagement.offers.publish(offer.id);
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const track = purchaser(vinr, account.id, 1000);

    // Without an activation an opt-in offer does not apply.
    expect((await track('pay_0')).redemptions).toHaveLength(0);
    const activation = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    expect(activation).toMatchObject({ status: 'active', redemption: null });
    const eventsBefore = mock.events.length;
    const again = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    expect(again).toEqual(activation);
    expect(mock.events).toHaveLength(eventsBefore);

    const r1 = await track('pay_1');
    expect(r1.redemptions[0]).toMatchObject({ activation: activation.id, points_transaction: { points: 10 } });
    const r2 = await track('pay_2');
    expect(r2.redemptions).toHaveLength(1);
    expect((await track('pay_3')).redemptions).toHaveLength(0);
    const err = await refusal(vinr.engagement.offers.activate({ offer: offer.id, account: account.id }));
    expect(err.limit).toBe('per_member_limit');
  });
});
