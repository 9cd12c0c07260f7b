import { BadRequestError, ConflictError, NotFoundError, OfferLimitReachedError } from '@vinr/sdk';
import { describe, expect, test } from 'vitest';
import { setup } from './support/setup.js';

const multiplier = { type: 'points_multiplier' as const, multiplier: 2 };

describe('status and transitions', () => {
  test('draft → scheduled → active → paused → active → expired by ends_at', async () => {
    const { mock, vinr } = setup();
    const offer = await vinr.engagement.offers.create({
      name: 'Weekend',
      incentive: multiplier,
      starts_at: '2026-06-06T00:00:00Z',
      ends_at: '2026-06-08T00:00:00Z',
    });
    expect(offer).toMatchObject({ status: 'draft', expired_reason: null, max_redemptions: null, per_member_limit: 1 });
    const scheduled = await vinr.engagement.offers.publish(offer.id);
    expect(scheduled).toMatchObject({ status: 'draft', published_at: '2026-06-01T00:00:00.000Z' });

    // A scheduled offer can be paused, and resumed back to scheduled.
    expect((await vinr.engagement.offers.pause(offer.id)).status).toBe('paused');
    expect((await vinr.engagement.offers.resume(offer.id)).status).toBe('draft');

    mock.clock.set('2026-06-06T00:00:00Z'); // starts_at is inclusive
    expect((await vinr.engagement.offers.retrieve(offer.id)).status).toBe('active');
    const paused = await vinr.engagement.offers.pause(offer.id);
    expect(paused).toMatchObject({ status: 'paused', paused_at: '2026-06-06T00:00:00.000Z' });
    const resumed = await vinr.engagement.offers.resume(offer.id);
    expect(resumed).toMatchObject({ status: 'active', paused_at: null });

    mock.clock.set('2026-06-07T23:59:59.999Z');
    expect((await vinr.engagement.offers.retrieve(offer.id)).status).toBe('active');
    await vinr.engagement.offers.pause(offer.id);
    mock.clock.set('2026-06-08T00:00:00Z'); // ends_at is exclusive; expired beats paused
    const expired = await vinr.engagement.offers.retrieve(offer.id);
    expect(expired).toMatchObject({ status: 'expired', expired_reason: 'ends_at' });

    for (const op of [vinr.engagement.offers.resume, vinr.engagement.offers.pause, vinr.engagement.offers.publish]) {
      const err = await op.call(vinr.engagement.offers, offer.id).catch((e) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect(err.code).toBe('invalid_state_transition');
    }
    expect(mock.events.map((e) => e.type)).toEqual([
      'loyalty.offer.published',
      'loyalty.offer.paused',
      'loyalty.offer.resumed',
      'loyalty.offer.paused',
      'loyalty.offer.resumed',
      'loyalty.offer.paused',
      'loyalty.offer.expired',
    ]);
    const expiredEvent = mock.events.at(-1)!;
    expect(expiredEvent.data).toMatchObject({ offer: { id: offer.id, status: 'expired', expired_reason: 'ends_at' } });
  });

  test('publish twice, pause a draft, resume an active offer: 409 invalid_state_transition', async () => {
    const { vinr } = setup();
    const offer = await vinr.engagement.offers.create({ name: 'x', incentive: multiplier });
    const pauseDraft = await vinr.engagement.offers.pause(offer.id).catch((e) => e);
    expect(pauseDraft).toMatchObject({ status: 409, code: 'invalid_state_transition' });
    const resumeDraft = await vinr.engagement.offers.resume(offer.id).catch((e) => e);
    expect(resumeDraft).toMatchObject({ status: 409, code: 'invalid_state_transition' });
    expect((await vinr.engagement.offers.publish(offer.id)).status).toBe('active');
    const again = await vinr.engagement.offers.publish(offer.id).catch((e) => e);
    expect(again).toMatchObject({ status: 409, code: 'invalid_state_transition', details: { status: 'active' } });
    const resumeActive = await vinr.engagement.offers.resume(offer.id).catch((e) => e);
    expect(resumeActive).toMatchObject({ status: 409, code: 'invalid_state_transition' });
  });

  test('an offer whose window lies in the past is created as a draft but cannot be published', async () => {
    const { mock, vinr } = setup();
    const offer = await vinr.engagement.offers.create({
      name: 'Last month',
      incentive: multiplier,
      starts_at: '2026-05-01T00:00:00Z',
      ends_at: '2026-06-01T00:00:00Z', // == now: already over
    });
    expect(offer.status).toBe('draft');
    const err = await vinr.engagement.offers.publish(offer.id).catch((e) => e);
    expect(err).toMatchObject({ status: 409, code: 'invalid_state_transition' });
    expect(mock.events).toHaveLength(0);
  });

  test('ends_at must be after starts_at, which defaults to now', async () => {
    const { mock, vinr } = setup();
    const err = await vinr.engagement.offers
      .create({ name: 'x', incentive: multiplier, ends_at: '2026-05-31T00:00:00Z' })
      .catch((e) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toMatchObject({ code: 'invalid_request', param: 'ends_at' });
    const draft = await vinr.engagement.offers.create({ name: 'x', incentive: multiplier });
    const bad = await vinr.engagement.offers.update(draft.id, { ends_at: '2026-05-31T00:00:00Z' }).catch((e) => e);
    expect(bad).toMatchObject({ status: 400, param: 'ends_at' });
    expect((await vinr.engagement.offers.list()).data).toHaveLength(1);
    expect(mock.events).toHaveLength(0);
  });
});

describe('update', () => {
  test('a draft changes freely; activation follows the incentive type unless set', async () => {
    const { vinr } = setup();
    const offer = await vinr.engagement.offers.create({ name: 'x', incentive: multiplier, metadata: { a: 1 } });
    expect(offer.activation).toBe('auto');
    const bonus = await vinr.engagement.offers.update(offer.id, {
      incentive: { type: 'points_bonus', points: 100 },
      max_redemptions: 10,
      metadata: { b: true },
    });
    expect(bonus).toMatchObject({ activation: 'opt_in', max_redemptions: 10, metadata: { b: true } });
    const explicit = await vinr.engagement.offers.create({ name: 'y', incentive: multiplier, activation: 'opt_in' });
    const still = await vinr.engagement.offers.update(explicit.id, {
      incentive: { type: 'percentage_discount', percent: 10 },
    });
    expect(still.activation).toBe('opt_in');
  });

  test('after publish only name and metadata change; anything else is 409 naming the field', async () => {
    const { vinr } = setup();
    const offer = await vinr.engagement.offers.create({ name: 'x', incentive: multiplier });
    await vinr.engagement.offers.publish(offer.id);
    const renamed = await vinr.engagement.offers.update(offer.id, { name: 'Renamed', metadata: { campaign: 'q2' } });
    expect(renamed).toMatchObject({ name: 'Renamed', metadata: { campaign: 'q2' }, status: 'active' });
    const err = await vinr.engagement.offers.update(offer.id, { name: 'Again', max_redemptions: 5 }).catch((e) => e);
    expect(err).toMatchObject({ status: 409, code: 'invalid_state_transition', param: 'max_redemptions' });
    const read = await vinr.engagement.offers.retrieve(offer.id);
    expect(read).toMatchObject({ name: 'Renamed', max_redemptions: null }); // nothing written
  });
});

describe('404s', () => {
  test('unknown ids name the field', async () => {
    const { vinr } = setup();
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const cases: Array<[PromiseLike<unknown>, string]> = [
      [vinr.engagement.offers.retrieve('ofr_nope'), 'id'],
      [vinr.engagement.offers.publish('ofr_nope'), 'id'],
      [vinr.engagement.offers.activate({ offer: 'ofr_nope', account: account.id }), 'offer'],
      [vinr.engagement.loyaltyAccounts.retrieve('loy_nope'), 'id'],
      [vinr.engagement.segments.retrieve('nope'), 'key'],
      [vinr.engagement.rewards.retrieve('rwd_nope'), 'id'],
      [vinr.engagement.redemptions.retrieve('rdm_nope'), 'id'],
      [vinr.events.retrieve('evt_nope'), 'id'],
      [vinr.engagement.pointsTransactions.list({ account: 'loy_nope' }), 'account'],
      [
        vinr.engagement.events.track({
          type: 'payment.completed',
          account: 'loy_nope',
          payment_id: 'p',
          amount: 1,
          currency: 'eur',
        }),
        'account',
      ],
      [
        vinr.engagement.offers.create({ name: 'g', incentive: { type: 'gift_reward', reward: 'rwd_nope' } }),
        'incentive.reward',
      ],
    ];
    for (const [promise, param] of cases) {
      const err = await Promise.resolve(promise).catch((e) => e);
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err).toMatchObject({ code: 'resource_missing', param });
    }
    const offer = await vinr.engagement.offers.create({ name: 'b', incentive: { type: 'points_bonus', points: 5 } });
    await vinr.engagement.offers.publish(offer.id);
    const noAccount = await vinr.engagement.offers.activate({ offer: offer.id, account: 'loy_nope' }).catch((e) => e);
    expect(noAccount).toMatchObject({ status: 404, param: 'account' });
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
