import { BadRequestError, CheckoutNotOpenError, ConflictError, NotFoundError } from '@vinr/sdk';
import { describe, expect, test } from 'vitest';
import { doublePoints, frozenMock, liveOffer, NOW, refusal, tenPercent, twoMembers } from './support/offers.js';

describe('checkout quotes', () => {
  test('create quotes the cart as a payment would: discount, amount_due, points_preview, applied', async () => {
    const { vinr } = frozenMock();
    const discount = await liveOffer(vinr, {
      ...tenPercent,
      incentive: { ...tenPercent.incentive, max_discount: 800 },
    });
    const multiplier = await liveOffer(vinr, doublePoints);
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 10_000, currency: 'EUR' });
    expect(checkout).toMatchObject({
      object: 'checkout',
      account: member.id,
      amount: 10_000,
      currency: 'eur',
      status: 'open',
      discount_amount: 800,
      amount_due: 9_200,
      points_preview: 200,
      payment_id: null,
      engagement_event: null,
      completed_at: null,
      canceled_at: null,
      created_at: '2026-06-06T12:00:00.000Z',
      expires_at: '2026-06-06T12:15:00.000Z',
    });
    expect(checkout.id).toMatch(/^chk_/);
    expect(checkout.applied).toEqual([
      { offer: discount.id, incentive_type: 'percentage_discount', discount_amount: 800, points: null, reward: null },
      { offer: multiplier.id, incentive_type: 'points_multiplier', discount_amount: null, points: 100, reward: null },
    ]);
  });

  test('an offer worth 0 is absent from applied and holds no slot', async () => {
    const { vinr } = frozenMock();
    const multiplier = await liveOffer(vinr, { ...doublePoints, max_redemptions: 1 });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 50, currency: 'eur' });
    expect(checkout).toMatchObject({ applied: [], points_preview: 0, discount_amount: 0, amount_due: 50 });
    expect((await vinr.engagement.offers.retrieve(multiplier.id)).reserved_count).toBe(0);
  });

  test('a member whose account is not active gets what tracking gives them: nothing applied, no base earn', async () => {
    const { vinr } = frozenMock();
    await liveOffer(vinr, tenPercent);
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await vinr.engagement.loyaltyAccounts.update(member.id, { status: 'suspended' });
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    expect(checkout).toMatchObject({ applied: [], points_preview: 0, discount_amount: 0, amount_due: 1000 });
  });

  test('create reserves a slot: reserved_count, eligibility and other members all see it', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1 });
    const [alice, bob] = await twoMembers(vinr);
    await vinr.engagement.checkouts.create({ account: alice.id, amount: 1000, currency: 'eur' });
    expect(await vinr.engagement.offers.retrieve(offer.id)).toMatchObject({ reserved_count: 1, redemption_count: 0 });
    const check = await vinr.engagement.offers.checkEligibility({ offer: offer.id, account: bob.id });
    expect(check).toMatchObject({ eligible: false, reasons: ['max_redemptions'], remaining: { offer: 0, member: 1 } });
    const bobs = await vinr.engagement.checkouts.create({ account: bob.id, amount: 1000, currency: 'eur' });
    expect(bobs.applied).toEqual([]);
    const tracked = await vinr.engagement.events.track({
      type: 'payment.completed',
      account: bob.id,
      payment_id: 'pay_bob',
      amount: 1000,
      currency: 'eur',
    });
    expect(tracked.discount_amount).toBe(0);
  });

  test('ttl_seconds must be 60 to 604800; bad input is refused before anything is stored', async () => {
    const { vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    for (const ttl_seconds of [59, 604_801, 1.5]) {
      const error = await refusal(
        vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur', ttl_seconds }),
      );
      expect(error).toMatchObject({ name: 'VinrValidationError' });
    }
    const week = await vinr.engagement.checkouts.create({
      account: member.id,
      amount: 1000,
      currency: 'eur',
      ttl_seconds: 604_800,
    });
    expect(week.expires_at).toBe('2026-06-13T12:00:00.000Z');
    expect(await vinr.engagement.checkouts.list().toArray({ limit: 10 })).toHaveLength(1);
  });

  test('an unknown account is a 404 naming account', async () => {
    const { vinr } = frozenMock();
    const error = await refusal(vinr.engagement.checkouts.create({ account: 'loy_nope', amount: 1, currency: 'eur' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ param: 'account' });
  });
});

describe('checkout preview', () => {
  test('preview returns the same quote as create, stores nothing and holds no slot', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1 });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const preview = await vinr.engagement.checkouts.preview({ account: member.id, amount: 2_500, currency: 'eur' });
    expect(preview).toEqual({
      object: 'checkout_preview',
      account: member.id,
      amount: 2_500,
      currency: 'eur',
      discount_amount: 250,
      amount_due: 2_250,
      points_preview: 25,
      applied: [
        { offer: offer.id, incentive_type: 'percentage_discount', discount_amount: 250, points: null, reward: null },
      ],
    });
    expect((await vinr.engagement.offers.retrieve(offer.id)).reserved_count).toBe(0);
    expect(await vinr.engagement.checkouts.list().toArray({ limit: 10 })).toEqual([]);
    const created = await vinr.engagement.checkouts.create({ account: member.id, amount: 2_500, currency: 'eur' });
    const { object: _p, ...quote } = preview;
    expect(created).toMatchObject(quote);
  });
});

describe('checkout update', () => {
  test('a changed amount re-quotes and keeps the checkout its own slot, even at the cap', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1 });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    const updated = await vinr.engagement.checkouts.update(checkout.id, { amount: 3000 });
    expect(updated).toMatchObject({
      amount: 3000,
      discount_amount: 300,
      amount_due: 2700,
      expires_at: checkout.expires_at,
    });
    expect((await vinr.engagement.offers.retrieve(offer.id)).reserved_count).toBe(1);
  });

  test('any update with amount re-quotes, even the same amount: a paused offer drops out and frees its slot', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, tenPercent);
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    await vinr.engagement.offers.pause(offer.id);
    const same = await vinr.engagement.checkouts.update(checkout.id, { amount: 1000 });
    expect(same).toMatchObject({ applied: [], discount_amount: 0, amount_due: 1000 });
    expect((await vinr.engagement.offers.retrieve(offer.id)).reserved_count).toBe(0);
    const metadataOnly = await vinr.engagement.checkouts.update(checkout.id, { metadata: { a: 1 } });
    expect(metadataOnly.applied).toEqual([]);
  });

  test("a member's own open checkout uses their per_member_limit: their tracked purchase gets no second discount", async () => {
    const { vinr } = frozenMock();
    await liveOffer(vinr, tenPercent);
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    const tracked = await vinr.engagement.events.track({
      type: 'payment.completed',
      account: member.id,
      payment_id: 'pay_elsewhere',
      amount: 1000,
      currency: 'eur',
    });
    expect(tracked).toMatchObject({ discount_amount: 0, redemptions: [] });
  });

  test('an offer that no longer applies releases its slot', async () => {
    const { vinr } = frozenMock();
    const multiplier = await liveOffer(vinr, { ...doublePoints, max_redemptions: 5 });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    expect((await vinr.engagement.offers.retrieve(multiplier.id)).reserved_count).toBe(1);
    const small = await vinr.engagement.checkouts.update(checkout.id, { amount: 99 });
    expect(small.applied).toEqual([]);
    expect((await vinr.engagement.offers.retrieve(multiplier.id)).reserved_count).toBe(0);
  });

  test('metadata replaces the whole map; an update emits nothing; an unknown id is a 404', async () => {
    const { mock, vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({
      account: member.id,
      amount: 1000,
      currency: 'eur',
      metadata: { cart: 'c1', items: 3 },
    });
    const before = mock.events.length;
    const updated = await vinr.engagement.checkouts.update(checkout.id, { metadata: { cart: 'c2' } });
    expect(updated.metadata).toEqual({ cart: 'c2' });
    expect(mock.events.length).toBe(before);
    expect(await refusal(vinr.engagement.checkouts.update('chk_nope', { amount: 1 }))).toBeInstanceOf(NotFoundError);
  });

  test('only an open checkout can be updated (409 checkout_not_open with its status)', async () => {
    const { vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    await vinr.engagement.checkouts.cancel(checkout.id);
    const error = await refusal(vinr.engagement.checkouts.update(checkout.id, { amount: 2000 }));
    expect(error).toBeInstanceOf(CheckoutNotOpenError);
    expect(error).toMatchObject({ status: 409, code: 'checkout_not_open', checkoutStatus: 'canceled' });
  });
});

describe('checkout retrieve and list', () => {
  test('list filters by account and status (expired is read from the clock), newest first', async () => {
    const { mock, vinr } = frozenMock();
    const [a, b] = await twoMembers(vinr);
    const short = await vinr.engagement.checkouts.create({
      account: a.id,
      amount: 1,
      currency: 'eur',
      ttl_seconds: 60,
    });
    const long = await vinr.engagement.checkouts.create({
      account: a.id,
      amount: 2,
      currency: 'eur',
      ttl_seconds: 3600,
    });
    const other = await vinr.engagement.checkouts.create({ account: b.id, amount: 3, currency: 'eur' });
    const ids = (list: { id: string }[]) => list.map((c) => c.id);
    expect(ids(await vinr.engagement.checkouts.list().toArray({ limit: 10 }))).toEqual([other.id, long.id, short.id]);
    expect(ids(await vinr.engagement.checkouts.list({ account: a.id }).toArray({ limit: 10 }))).toEqual([
      long.id,
      short.id,
    ]);
    mock.clock.advance('61s');
    expect(ids(await vinr.engagement.checkouts.list({ status: 'expired' }).toArray({ limit: 10 }))).toEqual([short.id]);
    expect((await vinr.engagement.checkouts.retrieve(short.id)).status).toBe('expired');
    const error = await refusal(vinr.engagement.checkouts.list({ account: 'loy_nope' }).toArray({ limit: 10 }));
    expect(error).toMatchObject({ status: 404, param: 'account' });
  });
});

describe('checkout completion', () => {
  test('complete commits exactly the quote, with the engagement_event tracking would return', async () => {
    const { mock, vinr } = frozenMock();
    const discount = await liveOffer(vinr, tenPercent);
    const multiplier = await liveOffer(vinr, doublePoints);
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 5000, currency: 'eur' });
    mock.clock.advance('2m');
    const done = await vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_1' });
    expect(done).toMatchObject({
      status: 'completed',
      payment_id: 'pay_1',
      completed_at: '2026-06-06T12:02:00.000Z',
      discount_amount: 500,
      amount_due: 4500,
    });
    const event = done.engagement_event;
    expect(event).toMatchObject({
      type: 'payment.completed',
      payment_id: 'pay_1',
      amount: 5000,
      discount_amount: 500,
      points_earned: 50,
      occurred_at: '2026-06-06T12:02:00.000Z',
    });
    expect(event?.redemptions.map((r) => [r.offer, r.checkout, r.payment_id, r.status])).toEqual([
      [discount.id, checkout.id, 'pay_1', 'active'],
      [multiplier.id, checkout.id, 'pay_1', 'active'],
    ]);
    expect((await vinr.engagement.loyaltyAccounts.retrieve(member.id)).points_balance).toBe(done.points_preview);
    expect(await vinr.engagement.offers.retrieve(discount.id)).toMatchObject({
      reserved_count: 0,
      redemption_count: 1,
    });
    expect(mock.events.filter((e) => e.type === 'loyalty.offer.redeemed')).toHaveLength(2);
  });

  test('completion consumes an opt-in activation and emits redeemed, then expired when it reaches the cap', async () => {
    const { mock, vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...doublePoints, activation: 'opt_in', max_redemptions: 1 });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await vinr.engagement.offers.activate({ offer: offer.id, account: member.id });
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    const start = mock.events.length;
    const done = await vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_1' });
    expect(done.engagement_event?.redemptions[0]?.activation).toMatch(/^ofa_/);
    expect(mock.events.slice(start).map((e) => e.type)).toEqual(['loyalty.offer.redeemed', 'loyalty.offer.expired']);
    const check = await vinr.engagement.offers.checkEligibility({ offer: offer.id, account: member.id });
    expect(check).toMatchObject({
      requires_activation: true,
      reasons: ['offer_not_active', 'per_member_limit', 'max_redemptions'],
    });
  });

  test('the quote is honoured until expires_at even if the offer is paused or the member changed meanwhile', async () => {
    const { vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, targeting: { tiers: ['gold'] } });
    const member = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    await vinr.engagement.offers.pause(offer.id);
    await vinr.engagement.loyaltyAccounts.update(member.id, { tier: 'silver' });
    const done = await vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_1' });
    expect(done.engagement_event?.discount_amount).toBe(100);
  });

  test('completing again with the same payment_id returns it unchanged; another payment_id is checkout_not_open', async () => {
    const { mock, vinr } = frozenMock();
    await liveOffer(vinr, tenPercent);
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    const done = await vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_1' });
    const events = mock.events.length;
    expect(await vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_1' })).toEqual(done);
    expect(mock.events.length).toBe(events);
    const error = await refusal(vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_2' }));
    expect(error).toBeInstanceOf(CheckoutNotOpenError);
    expect(error).toMatchObject({ checkoutStatus: 'completed', details: { status: 'completed' } });
  });

  test('a payment_id used by a tracked payment or another checkout is payment_conflict, both ways', async () => {
    const { vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const pay = (payment_id: string) =>
      vinr.engagement.events.track({
        type: 'payment.completed',
        account: member.id,
        payment_id,
        amount: 1000,
        currency: 'eur',
      });
    await pay('pay_tracked');
    const first = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    const conflict = await refusal(vinr.engagement.checkouts.complete(first.id, { payment_id: 'pay_tracked' }));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict).toMatchObject({ code: 'payment_conflict' });
    expect((await vinr.engagement.checkouts.retrieve(first.id)).status).toBe('open');
    await vinr.engagement.checkouts.complete(first.id, { payment_id: 'pay_chk' });
    // Even with the same account and amount: the id belongs to a checkout.
    expect(await refusal(pay('pay_chk'))).toMatchObject({ code: 'payment_conflict' });
    const second = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    expect(await refusal(vinr.engagement.checkouts.complete(second.id, { payment_id: 'pay_chk' }))).toMatchObject({
      code: 'payment_conflict',
    });
  });

  test('payment_conflict is checked before checkout_not_open', async () => {
    const { vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    await vinr.engagement.events.track({
      type: 'payment.completed',
      account: member.id,
      payment_id: 'p',
      amount: 1,
      currency: 'eur',
    });
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    await vinr.engagement.checkouts.cancel(checkout.id);
    expect(await refusal(vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'p' }))).toMatchObject({
      code: 'payment_conflict',
    });
  });

  test('occurred_at on complete: up to 300 s ahead is taken as now, further ahead is a 400', async () => {
    const { vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    const far = await refusal(
      vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'p1', occurred_at: '2026-06-06T12:05:01Z' }),
    );
    expect(far).toBeInstanceOf(BadRequestError);
    expect(far).toMatchObject({ param: 'occurred_at' });
    const done = await vinr.engagement.checkouts.complete(checkout.id, {
      payment_id: 'p1',
      occurred_at: '2026-06-06T12:05:00Z',
    });
    expect(done.engagement_event?.occurred_at).toBe(new Date(NOW).toISOString());
  });
});

describe('checkout cancel', () => {
  test('cancel releases the slots; cancelling again returns it unchanged; a canceled checkout never completes', async () => {
    const { mock, vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1 });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    mock.clock.advance('1m');
    const canceled = await vinr.engagement.checkouts.cancel(checkout.id);
    expect(canceled).toMatchObject({ status: 'canceled', canceled_at: '2026-06-06T12:01:00.000Z' });
    expect((await vinr.engagement.offers.retrieve(offer.id)).reserved_count).toBe(0);
    mock.clock.advance('1m');
    expect(await vinr.engagement.checkouts.cancel(checkout.id)).toEqual(canceled);
    const error = await refusal(vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_1' }));
    expect(error).toMatchObject({ code: 'checkout_not_open', checkoutStatus: 'canceled', lostOffers: [] });
  });

  test('cancelling a completed checkout is checkout_not_open; an expired one is returned unchanged', async () => {
    const { mock, vinr } = frozenMock();
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const done = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    await vinr.engagement.checkouts.complete(done.id, { payment_id: 'pay_1' });
    expect(await refusal(vinr.engagement.checkouts.cancel(done.id))).toMatchObject({
      code: 'checkout_not_open',
      checkoutStatus: 'completed',
    });
    const late = await vinr.engagement.checkouts.create({
      account: member.id,
      amount: 1000,
      currency: 'eur',
      ttl_seconds: 60,
    });
    mock.clock.advance('60s');
    const expired = await vinr.engagement.checkouts.cancel(late.id);
    expect(expired).toMatchObject({ status: 'expired', canceled_at: null });
  });
});

describe('checkout expiry', () => {
  test('once the clock passes expires_at the checkout reads expired and its slots are free for everyone, silently', async () => {
    const { mock, vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1 });
    const [alice, bob] = await twoMembers(vinr);
    await vinr.engagement.checkouts.create({ account: alice.id, amount: 1000, currency: 'eur', ttl_seconds: 600 });
    const events = mock.events.length;
    mock.clock.advance('599s');
    expect((await vinr.engagement.offers.retrieve(offer.id)).reserved_count).toBe(1);
    mock.clock.advance('1s');
    expect((await vinr.engagement.offers.retrieve(offer.id)).reserved_count).toBe(0);
    expect(mock.events.length).toBe(events);
    const bobs = await vinr.engagement.checkouts.create({ account: bob.id, amount: 1000, currency: 'eur' });
    expect(bobs.applied.map((a) => a.offer)).toEqual([offer.id]);
  });

  test('a late payment completes an expired checkout when its slots can be taken again, as quoted', async () => {
    const { mock, vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1, ends_at: '2026-06-06T13:00:00Z' });
    const member = await vinr.engagement.loyaltyAccounts.create({});
    const checkout = await vinr.engagement.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
    mock.clock.advance('2h'); // the checkout expired, and so did the offer's window: only slots matter
    const done = await vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_late' });
    expect(done).toMatchObject({ status: 'completed', discount_amount: 100, amount_due: 900 });
    expect((await vinr.engagement.offers.retrieve(offer.id)).redemption_count).toBe(1);
  });

  test('a late payment whose slot was taken meanwhile writes nothing and lists the lost offers', async () => {
    const { mock, vinr } = frozenMock();
    const capped = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1 });
    const open = await liveOffer(vinr, doublePoints);
    const [alice, bob] = await twoMembers(vinr);
    const checkout = await vinr.engagement.checkouts.create({
      account: alice.id,
      amount: 1000,
      currency: 'eur',
      ttl_seconds: 60,
    });
    expect(checkout.applied.map((a) => a.offer)).toEqual([capped.id, open.id]);
    mock.clock.advance('61s');
    await vinr.engagement.events.track({
      type: 'payment.completed',
      account: bob.id,
      payment_id: 'bob',
      amount: 1000,
      currency: 'eur',
    });
    const balance = (await vinr.engagement.loyaltyAccounts.retrieve(alice.id)).points_balance;
    const error = await refusal(vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_late' }));
    expect(error).toBeInstanceOf(CheckoutNotOpenError);
    expect(error).toMatchObject({
      checkoutStatus: 'expired',
      lostOffers: [capped.id],
      details: { lost_offers: [capped.id] },
    });
    expect((await vinr.engagement.loyaltyAccounts.retrieve(alice.id)).points_balance).toBe(balance);
    expect((await vinr.engagement.offers.retrieve(open.id)).redemption_count).toBe(1); // bob's only
    expect((await vinr.engagement.checkouts.retrieve(checkout.id)).status).toBe('expired');
  });

  test('a checkout released by expiry never overshoots a cap, even if the test clock is moved back', async () => {
    const { mock, vinr } = frozenMock();
    const offer = await liveOffer(vinr, { ...tenPercent, max_redemptions: 1 });
    const [alice, bob] = await twoMembers(vinr);
    const checkout = await vinr.engagement.checkouts.create({
      account: alice.id,
      amount: 1000,
      currency: 'eur',
      ttl_seconds: 60,
    });
    mock.clock.advance('61s');
    await vinr.engagement.events.track({
      type: 'payment.completed',
      account: bob.id,
      payment_id: 'b',
      amount: 1000,
      currency: 'eur',
    });
    mock.clock.set(NOW);
    expect((await vinr.engagement.checkouts.retrieve(checkout.id)).status).toBe('open');
    const error = await refusal(vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'a' }));
    expect(error).toMatchObject({ code: 'checkout_not_open', lostOffers: [offer.id] });
    expect((await vinr.engagement.offers.retrieve(offer.id)).redemption_count).toBe(1);
  });
});
