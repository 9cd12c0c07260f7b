import { ConflictError, NotFoundError, RefundExceedsPaymentError, type Vinr } from '@vinr/sdk';
import { describe, expect, test } from 'vitest';
import { doublePoints, frozenMock, liveOffer, refusal, tenPercent, twoMembers } from './support/offers.js';

const pay = (vinr: Vinr, account: string, payment_id: string, amount: number) =>
  vinr.engagement.events.track({ type: 'payment.completed', account, payment_id, amount, currency: 'eur' });

const refund = (vinr: Vinr, account: string, payment_id: string, refund_id: string, amount?: number) =>
  vinr.engagement.events.track({
    type: 'payment.refunded',
    account,
    payment_id,
    refund_id,
    ...(amount === undefined ? {} : { amount }),
  });

const sumOfLedger = async (vinr: Vinr, account: string) =>
  (await vinr.engagement.pointsTransactions.list({ account }).toArray({ limit: 1000 })).reduce(
    (s, t) => s + t.points,
    0,
  );

describe('partial and full refunds', () => {
  test('partial refunds reverse floor(points × refunded / charged) of every transaction; the last one reverses the rest', async () => {
    const { mock, vinr } = frozenMock();
    const offer = await liveOffer(vinr, doublePoints);
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const payment = await pay(vinr, member.id, 'pay_1', 10_000); // earn 100 + offer 100
    expect(payment.points_transactions.map((t) => t.points)).toEqual([100, 100]);

    const first = await refund(vinr, member.id, 'pay_1', 're_1', 3_333);
    expect(first).toMatchObject({
      type: 'payment.refunded',
      refund_id: 're_1',
      payment_id: 'pay_1',
      amount: 3_333,
      points_earned: -33,
      discount_amount: 0,
      redemptions: [],
    });
    expect(first.points_transactions.map((t) => [t.type, t.points, t.offer, t.refund_id])).toEqual([
      ['reversal', -33, null, 're_1'],
      ['reversal', -33, offer.id, 're_1'],
    ]);
    const second = await refund(vinr, member.id, 'pay_1', 're_2', 3_333);
    expect(second.points_transactions.map((t) => t.points)).toEqual([-33, -33]); // 66 of 100 so far
    const last = await refund(vinr, member.id, 'pay_1', 're_3'); // default: what is left, 3334
    expect(last.amount).toBe(3_334);
    expect(last.points_transactions.map((t) => t.points)).toEqual([-34, -34]);
    expect(last.redemptions.map((r) => [r.offer, r.status])).toEqual([[offer.id, 'reversed']]);
    expect(last.redemptions[0]?.reversed_at).toBe('2026-06-06T12:00:00.000Z');

    const balance = (await vinr.engagement.loyaltyAccounts.retrieve(member.id)).points_balance;
    expect(balance).toBe(0);
    expect(await sumOfLedger(vinr, member.id)).toBe(balance);
    expect(mock.events.filter((e) => e.type === 'loyalty.points.reversed')).toHaveLength(6);
  });

  test('a refund emits loyalty.points.reversed per reversal in ledger order, then loyalty.offer.redemption_reversed', async () => {
    const { mock, vinr } = frozenMock();
    const discount = await liveOffer(vinr, tenPercent);
    const multiplier = await liveOffer(vinr, doublePoints);
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await pay(vinr, member.id, 'pay_1', 2_000);
    const start = mock.events.length;
    const result = await refund(vinr, member.id, 'pay_1', 're_1');
    const emitted = mock.events.slice(start);
    expect(emitted.map((e) => e.type)).toEqual([
      'loyalty.points.reversed',
      'loyalty.points.reversed',
      'loyalty.offer.redemption_reversed',
      'loyalty.offer.redemption_reversed',
    ]);
    expect(emitted[0]?.data).toEqual({
      account: member.id,
      points_transaction: result.points_transactions[0],
      refund_id: 're_1',
    });
    expect(emitted.slice(2).map((e) => e.data.offer)).toEqual([discount.id, multiplier.id]);
    expect(emitted[2]?.data).toMatchObject({
      account: member.id,
      refund_id: 're_1',
      redemption: { status: 'reversed' },
    });
  });

  test('money is refunded from what was charged: a checkout refunds from its amount_due', async () => {
    const { vinr } = frozenMock();
    await liveOffer(vinr, tenPercent);
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 10_000, currency: 'eur' });
    await vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_chk' });
    const half = await refund(vinr, member.id, 'pay_chk', 're_1', 4_500); // half of 9000 charged
    expect(half.points_earned).toBe(-50);
    const error = await refusal(refund(vinr, member.id, 'pay_chk', 're_2', 4_501));
    expect(error).toBeInstanceOf(RefundExceedsPaymentError);
    expect((error as RefundExceedsPaymentError).refundable).toBe(4_500);
  });

  test('a full refund releases the slots: redemption_count drops and the member may redeem again', async () => {
    const { vinr } = frozenMock();
    const bonus = await liveOffer(vinr, {
      name: 'First purchase bonus',
      incentive: { type: 'points_bonus', points: 500 },
      activation: 'auto',
      max_redemptions: 10,
    });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    expect((await pay(vinr, member.id, 'pay_1', 1_000)).redemptions).toHaveLength(1);
    expect((await pay(vinr, member.id, 'pay_2', 1_000)).redemptions).toHaveLength(0);
    await refund(vinr, member.id, 'pay_1', 're_1');
    expect((await vinr.engagement.offers.retrieve(bonus.id)).redemption_count).toBe(0);
    const again = await pay(vinr, member.id, 'pay_3', 1_000);
    expect(again.redemptions.map((r) => r.offer)).toEqual([bonus.id]);
  });

  test('an offer expired by its cap stays expired after a full refund', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1 });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await pay(vinr, member.id, 'pay_1', 1_000);
    await refund(vinr, member.id, 'pay_1', 're_1');
    expect(await vinr.engagement.offers.retrieve(offer.id)).toMatchObject({
      status: 'expired',
      expired_reason: 'max_redemptions',
      redemption_count: 0,
    });
  });

  test('a payment that charged 0 is refunded in full by one refund without amount', async () => {
    const { vinr } = frozenMock();
    await liveOffer(vinr, { ...tenPercent, incentive: { type: 'percentage_discount', percent: 100 } });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const payment = await pay(vinr, member.id, 'pay_free', 1_000);
    expect(payment).toMatchObject({ discount_amount: 1_000, points_earned: 10 });
    const withAmount = await refusal(refund(vinr, member.id, 'pay_free', 're_0', 1));
    expect(withAmount).toMatchObject({ code: 'refund_exceeds_payment', refundable: 0 });
    const full = await refund(vinr, member.id, 'pay_free', 're_1');
    expect(full).toMatchObject({ amount: 0, points_earned: -10 });
    expect(full.redemptions).toHaveLength(1);
  });
});

describe('refund refusals', () => {
  test('more than what is left is refund_exceeds_payment with refundable, and writes nothing', async () => {
    const { mock, vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await pay(vinr, member.id, 'pay_1', 1_000);
    await refund(vinr, member.id, 'pay_1', 're_1', 600);
    const before = {
      events: mock.events.length,
      balance: (await vinr.engagement.loyaltyAccounts.retrieve(member.id)).points_balance,
    };
    const error = await refusal(refund(vinr, member.id, 'pay_1', 're_2', 401));
    expect(error).toBeInstanceOf(RefundExceedsPaymentError);
    expect(error).toMatchObject({ status: 409, details: { refundable: 400 }, refundable: 400 });
    expect(mock.events.length).toBe(before.events);
    expect((await vinr.engagement.loyaltyAccounts.retrieve(member.id)).points_balance).toBe(before.balance);
    await refund(vinr, member.id, 'pay_1', 're_3');
    const nothingLeft = await refusal(refund(vinr, member.id, 'pay_1', 're_4'));
    expect(nothingLeft).toMatchObject({ code: 'refund_exceeds_payment', refundable: 0 });
  });

  test('an unknown payment, or one of another account, is a 404 naming payment_id', async () => {
    const { vinr } = frozenMock();
    const [alice, bob] = await twoMembers(vinr);
    await pay(vinr, alice.id, 'pay_a', 1_000);
    for (const [account, payment] of [
      [alice.id, 'pay_nope'],
      [bob.id, 'pay_a'],
      ['loy_nope', 'pay_a'],
    ] as const) {
      const error = await refusal(refund(vinr, account, payment, `re_${account}_${payment}`));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ param: 'payment_id' });
    }
  });

  test('occurred_at of a refund: up to 300 s ahead is taken as now, further ahead is a 400 and writes nothing', async () => {
    const { vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await pay(vinr, member.id, 'pay_1', 1_000);
    const track = (refund_id: string, occurred_at: string) =>
      vinr.engagement.events.track({
        type: 'payment.refunded',
        account: member.id,
        payment_id: 'pay_1',
        refund_id,
        occurred_at,
      });
    const far = await refusal(track('re_far', '2026-06-06T12:05:01Z'));
    expect(far).toMatchObject({ status: 400, code: 'invalid_request', param: 'occurred_at' });
    const near = await track('re_near', '2026-06-06T12:05:00Z');
    expect(near).toMatchObject({ occurred_at: '2026-06-06T12:00:00.000Z', amount: 1_000, points_earned: -10 });
  });

  test('amount must be an integer ≥ 1 (checked before sending)', async () => {
    const { vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await pay(vinr, member.id, 'pay_1', 1_000);
    expect(await refusal(refund(vinr, member.id, 'pay_1', 're_1', 0))).toMatchObject({ name: 'VinrValidationError' });
    expect(await refusal(refund(vinr, member.id, 'pay_1', 're_1', 1.5))).toMatchObject({ name: 'VinrValidationError' });
  });
});

describe('refund replays', () => {
  test('the same refund_id again returns the original result and writes nothing; other details are payment_conflict', async () => {
    const { mock, vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await pay(vinr, member.id, 'pay_1', 1_000);
    await pay(vinr, member.id, 'pay_2', 1_000);
    const original = await refund(vinr, member.id, 'pay_1', 're_1', 500);
    const events = mock.events.length;
    expect(await refund(vinr, member.id, 'pay_1', 're_1', 500)).toEqual(original);
    expect(await refund(vinr, member.id, 'pay_1', 're_1')).toEqual(original);
    expect(mock.events.length).toBe(events);
    for (const attempt of [
      refund(vinr, member.id, 'pay_1', 're_1', 400),
      refund(vinr, member.id, 'pay_2', 're_1', 500),
    ]) {
      const error = await refusal(attempt);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: 'payment_conflict' });
    }
    expect(await sumOfLedger(vinr, member.id)).toBe(15);
  });
});
