import { ConflictError, type Incentive, type Vinr } from '@vinr/sdk';
import { describe, expect, test } from 'vitest';
import { refusal, START, setup } from './support/setup.js';

const NOW = '2026-06-06T12:00:00Z';

async function autoOffer(
  vinr: Vinr,
  incentive: Incentive,
  extra: { starts_at?: string; per_member_limit?: number } = {},
) {
  const offer = await vinr.engagement.offers.create({ name: incentive.type, incentive, activation: 'auto', ...extra });
  await vinr.engagement.offers.publish(offer.id);
  return offer;
}

let n = 0;
const pay = (vinr: Vinr, account: string, amount: number) =>
  vinr.engagement.events.track({
    type: 'payment.completed',
    account,
    payment_id: `pay_${++n}`,
    amount,
    currency: 'EUR',
  });

describe('arithmetic vectors', () => {
  test('multiplier 1.5 on base 7 → bonus 3; on base 1 → nothing, and no limit used', async () => {
    const { vinr } = setup({ now: NOW });
    const offer = await autoOffer(vinr, { type: 'points_multiplier', multiplier: 1.5 });
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const tiny = await pay(vinr, account.id, 100); // base 1
    expect(tiny.points_earned).toBe(1);
    expect(tiny.redemptions).toEqual([]);
    expect((await vinr.engagement.offers.retrieve(offer.id)).redemption_count).toBe(0);
    const seven = await pay(vinr, account.id, 799); // base 7
    expect(seven.points_earned).toBe(7);
    expect(seven.redemptions[0]?.points_transaction?.points).toBe(3);
    expect(seven.redemptions[0]?.incentive_type).toBe('points_multiplier');
  });

  test('multiplier with decimals is exact (1.15 × 100 → 15)', async () => {
    const { vinr } = setup({ now: NOW });
    await autoOffer(vinr, { type: 'points_multiplier', multiplier: 1.15 });
    const account = await vinr.engagement.loyaltyAccounts.create({});
    expect((await pay(vinr, account.id, 10_000)).redemptions[0]?.points_transaction?.points).toBe(15);
  });

  test('15 % of 1999 → 299; with max_discount 250 → 250; 50 % of 1 → nothing', async () => {
    const { vinr } = setup({ now: NOW });
    await autoOffer(vinr, { type: 'percentage_discount', percent: 15 });
    const a = await vinr.engagement.loyaltyAccounts.create({});
    const r = await pay(vinr, a.id, 1999);
    expect(r.discount_amount).toBe(299);
    expect(r.redemptions[0]).toMatchObject({ discount_amount: 299, points_transaction: null, reward: null });

    const { vinr: v2 } = setup({ now: NOW });
    await autoOffer(v2, { type: 'percentage_discount', percent: 15, max_discount: 250 });
    const b = await v2.engagement.loyaltyAccounts.create({});
    expect((await pay(v2, b.id, 1999)).discount_amount).toBe(250);

    const { vinr: v3 } = setup({ now: NOW });
    const half = await autoOffer(v3, { type: 'percentage_discount', percent: 50 });
    const c = await v3.engagement.loyaltyAccounts.create({});
    const one = await pay(v3, c.id, 1);
    expect(one).toMatchObject({ discount_amount: 0, redemptions: [], points_earned: 0, points_transactions: [] });
    expect((await v3.engagement.offers.retrieve(half.id)).redemption_count).toBe(0);
  });

  test('several discounts together never exceed the amount; applied in starts_at order', async () => {
    const { vinr } = setup({ now: NOW });
    const later = await autoOffer(
      vinr,
      { type: 'percentage_discount', percent: 70 },
      { starts_at: '2026-06-06T11:00:00Z' },
    );
    const earlier = await autoOffer(
      vinr,
      { type: 'percentage_discount', percent: 60 },
      { starts_at: '2026-06-06T10:00:00Z' },
    );
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const r = await pay(vinr, account.id, 1000);
    expect(r.redemptions.map((x) => [x.offer, x.discount_amount])).toEqual([
      [earlier.id, 600],
      [later.id, 400],
    ]);
    expect(r.discount_amount).toBe(1000);
  });

  test('earnRate scales the base; a zero base writes no earn transaction', async () => {
    const { vinr } = setup({ now: NOW, earnRate: 2.5 });
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const r = await pay(vinr, account.id, 1999);
    expect(r.points_earned).toBe(49); // floor(19.99 × 2.5)
    expect(r.points_transactions).toMatchObject([{ type: 'earn', points: 49, offer: null, payment_id: `pay_${n}` }]);
    const zero = await pay(vinr, account.id, 39);
    expect(zero).toMatchObject({ points_earned: 0, points_transactions: [] });
  });

  test('gift_reward on auto issues the reward with no point cost', async () => {
    const { mock, vinr } = setup({ now: NOW });
    const mug = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 });
    const offer = await autoOffer(vinr, { type: 'gift_reward', reward: mug.id });
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const r = await pay(vinr, account.id, 1000);
    expect(r.redemptions).toMatchObject([
      { offer: offer.id, incentive_type: 'gift_reward', reward: mug.id, points_transaction: null },
    ]);
    expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).points_balance).toBe(10);
    expect(mock.events.at(-1)).toMatchObject({
      type: 'loyalty.offer.redeemed',
      data: { offer: offer.id, account: account.id, reward: mug.id, points_transaction: null, discount_amount: null },
    });
  });
});

describe('windows and replays', () => {
  test('occurred_at decides the window: a purchase inside it redeems even when reported after ends_at', async () => {
    const { mock, vinr } = setup({ now: NOW });
    const offer = await vinr.engagement.offers.create({
      name: 'weekend',
      incentive: { type: 'points_multiplier', multiplier: 2 },
      starts_at: '2026-06-06T00:00:00Z',
      ends_at: '2026-06-08T00:00:00Z',
      per_member_limit: 5,
    });
    await vinr.engagement.offers.publish(offer.id);
    const account = await vinr.engagement.loyaltyAccounts.create({});
    mock.clock.set('2026-06-09T00:00:00Z');
    expect((await vinr.engagement.offers.retrieve(offer.id)).status).toBe('expired');
    const inside = await vinr.engagement.events.track({
      type: 'payment.completed',
      account: account.id,
      payment_id: 'late',
      amount: 1000,
      currency: 'eur',
      occurred_at: '2026-06-07T20:00:00Z',
    });
    expect(inside.redemptions).toHaveLength(1);
    expect(inside.occurred_at).toBe('2026-06-07T20:00:00.000Z');
    const before = await vinr.engagement.events.track({
      type: 'payment.completed',
      account: account.id,
      payment_id: 'before',
      amount: 1000,
      currency: 'eur',
      occurred_at: '2026-06-05T23:59:59Z',
    });
    expect(before.redemptions).toHaveLength(0);
    const future = await vinr.engagement.events
      .track({
        type: 'payment.completed',
        account: account.id,
        payment_id: 'future',
        amount: 1000,
        currency: 'eur',
        occurred_at: '2026-06-09T00:05:01Z',
      })
      .catch((e) => e);
    expect(future).toMatchObject({ status: 400, code: 'invalid_request', param: 'occurred_at' });
  });

  test('occurred_at up to 300 s ahead of the server clock (clock skew) is taken as now', async () => {
    const { mock, vinr } = setup({ now: NOW });
    const account = await vinr.engagement.loyaltyAccounts.create({});
    mock.clock.set('2026-06-09T00:00:00Z');
    const skewed = await vinr.engagement.events.track({
      type: 'payment.completed',
      account: account.id,
      payment_id: 'skewed',
      amount: 1000,
      currency: 'eur',
      occurred_at: '2026-06-09T00:05:00Z',
    });
    expect(skewed.occurred_at).toBe('2026-06-09T00:00:00.000Z');
    expect(skewed.points_earned).toBe(10);
  });

  test('a replayed payment_id returns the original result and emits nothing; a changed one conflicts', async () => {
    const { mock, vinr } = setup({ now: NOW });
    await autoOffer(vinr, { type: 'points_multiplier', multiplier: 2 });
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const other = await vinr.engagement.loyaltyAccounts.create({});
    const params = {
      type: 'payment.completed' as const,
      account: account.id,
      payment_id: 'pay_x',
      amount: 1000,
      currency: 'eur',
    };
    const first = await vinr.engagement.events.track(params);
    const events = mock.events.length;
    mock.clock.advance('1h');
    const replay = await vinr.engagement.events.track({ ...params, currency: 'EUR' });
    expect(replay).toEqual(first);
    expect(mock.events).toHaveLength(events);
    expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).points_balance).toBe(20);
    for (const change of [{ account: other.id }, { amount: 1001 }, { currency: 'usd' }]) {
      const err = await vinr.engagement.events.track({ ...params, ...change }).catch((e) => e);
      expect(err).toMatchObject({ status: 409, code: 'payment_conflict' });
    }
    expect((await vinr.engagement.redemptions.list({ account: account.id })).data).toHaveLength(1);
  });

  test('paused and draft offers do not apply; track still succeeds', async () => {
    const { vinr } = setup({ now: NOW });
    const paused = await autoOffer(vinr, { type: 'points_multiplier', multiplier: 2 });
    await vinr.engagement.offers.pause(paused.id);
    await vinr.engagement.offers.create({ name: 'draft', incentive: { type: 'points_multiplier', multiplier: 3 } });
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const r = await pay(vinr, account.id, 1000);
    expect(r).toMatchObject({ points_earned: 10, redemptions: [] });
    await vinr.engagement.offers.resume(paused.id);
    expect((await pay(vinr, account.id, 1000)).redemptions).toHaveLength(1);
  });
});

describe('payment replays', () => {
  test('a used payment_id reported for an unknown account is payment_conflict, not a 404', async () => {
    const { vinr } = setup({ now: START });
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const payment = { type: 'payment.completed', payment_id: 'pay_1', amount: 1000, currency: 'eur' } as const;
    await vinr.engagement.events.track({ ...payment, account: account.id });
    const err = await refusal(vinr.engagement.events.track({ ...payment, account: 'loy_unknown' }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ status: 409, code: 'payment_conflict', details: { account: account.id } });
    // A fresh payment_id for an unknown account is still the 404 it always was.
    const missing = await refusal(vinr.engagement.events.track({ ...payment, payment_id: 'pay_2', account: 'loy_x' }));
    expect(missing).toMatchObject({ status: 404, code: 'resource_missing', param: 'account' });
  });
});

describe('auto points_bonus and gift_reward', () => {
  test('apply on the member’s first qualifying purchase only, even with a per_member_limit above 1', async () => {
    const { mock, vinr } = setup({ now: START });
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
