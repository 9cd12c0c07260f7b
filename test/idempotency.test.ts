import { ConflictError, type Vinr } from '@vinr/sdk';
import { createVinrMock, type VinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { beforeEach, describe, expect, test } from 'vitest';
import { instantRetries } from './support/retry-clock.js';

const clock = instantRetries();

let mock: VinrMock;
let vinr: Vinr;
beforeEach(() => {
  mock = createVinrMock({ now: '2026-06-01T00:00:00Z' });
  // Retries fire at once: these tests are about what is applied, not about waiting.
  mock.faults.clear();
  vinr = mock.client({ maxRetries: 2 });
});

const fastRetry = { retryAfter: 0 };

async function goldMemberAndBonus(points = 1000) {
  const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
  const offer = await vinr.engagement.offers.create({
    name: '1,000-point bonus for gold members',
    incentive: { type: 'points_bonus', points },
    targeting: { tiers: ['gold'] },
    max_redemptions: 500,
  });
  await vinr.engagement.offers.publish(offer.id);
  return { account, offer };
}

describe('a response lost after commit is recovered by the retry, and applied once', () => {
  test('offers.create', async () => {
    mock.faults.inject({
      afterCommit: true,
      networkError: true,
      match: { method: 'POST', path: '/engagement/offers' },
    });
    const offer = await vinr.engagement.offers.create({ name: 'Once', incentive: { type: 'points_bonus', points: 5 } });
    const all = await vinr.engagement.offers.list({ limit: 100 });
    expect(all.data.map((o) => o.id)).toEqual([offer.id]);
  });

  test('offers.activate of a points bonus: one redemption, one set of points, one redeemed event', async () => {
    const { account, offer } = await goldMemberAndBonus();
    mock.faults.inject({ afterCommit: true, match: { path: '/activations' } });
    const activation = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    expect(activation.status).toBe('consumed');
    expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).points_balance).toBe(1000);
    expect((await vinr.engagement.redemptions.list({ offer: offer.id })).data).toHaveLength(1);
    expect((await vinr.engagement.offers.retrieve(offer.id)).redemption_count).toBe(1);
    expect(mock.events.filter((e) => e.type === 'loyalty.offer.redeemed')).toHaveLength(1);
  });

  test('events.track: one earn, one offer bonus', async () => {
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const offer = await vinr.engagement.offers.create({
      name: 'Double points',
      incentive: { type: 'points_multiplier', multiplier: 2 },
    });
    await vinr.engagement.offers.publish(offer.id);
    mock.faults.inject({ afterCommit: true, status: 503, ...fastRetry, match: { path: '/engagement/events' } });
    const result = await vinr.engagement.events.track({
      type: 'payment.completed',
      account: account.id,
      payment_id: 'pay_lost_once',
      amount: 5000,
      currency: 'eur',
    });
    expect(result.points_earned).toBe(50);
    expect(result.redemptions).toHaveLength(1);
    expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).points_balance).toBe(100);
    const txs = await vinr.engagement.pointsTransactions.list({ account: account.id });
    expect(txs.data.map((t) => t.type).sort()).toEqual(['earn', 'offer']);
    expect(mock.events.filter((e) => e.type === 'loyalty.offer.redeemed')).toHaveLength(1);
  });
});

describe('the idempotency store', () => {
  test('a key reused with another body is a 409 idempotency_key_reused', async () => {
    const key = 'reuse-me';
    await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 }, { idempotencyKey: key });
    const e = await vinr.engagement.rewards
      .create({ name: 'Cap', points_cost: 500 }, { idempotencyKey: key })
      .catch((x) => x);
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.code).toBe('idempotency_key_reused');
    expect(e.attempts).toBe(1);
    expect((await vinr.engagement.rewards.list()).data).toHaveLength(1);
  });

  test('the same key and body replays the first response with Idempotent-Replayed', async () => {
    const send = () =>
      request('https://api.vinr.com/v1/engagement/rewards', {
        method: 'POST',
        dispatcher: mock.dispatcher,
        headers: {
          authorization: `Bearer ${mock.secretKey}`,
          'content-type': 'application/json',
          'idempotency-key': 'k-replay',
        },
        body: JSON.stringify({ name: 'Mug', points_cost: 800 }),
      });
    const first = await send();
    const a = await first.body.json();
    const second = await send();
    const b = await second.body.json();
    expect(second.statusCode).toBe(200);
    expect(b).toEqual(a);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.headers['idempotent-replayed']).toBe('true');
  });

  test('keys expire after 24 h of mock time', async () => {
    const first = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 }, { idempotencyKey: 'day' });
    mock.clock.advance('23h');
    const replay = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 }, { idempotencyKey: 'day' });
    expect(replay.id).toBe(first.id);
    mock.clock.advance('2h');
    const fresh = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 }, { idempotencyKey: 'day' });
    expect(fresh.id).not.toBe(first.id);
  });

  test('a request refused by validation does not burn its key', async () => {
    const raw = (body: unknown) =>
      request('https://api.vinr.com/v1/engagement/rewards', {
        method: 'POST',
        dispatcher: mock.dispatcher,
        headers: { authorization: `Bearer ${mock.secretKey}`, 'idempotency-key': 'k-fix' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.statusCode, body: (await r.body.json()) as { error?: { code: string } } }));
    expect((await raw({ name: 'Mug' })).status).toBe(400);
    expect((await raw({ name: 'Mug', points_cost: 1 })).status).toBe(200);
  });

  test('10 simultaneous calls with one key: one effect, all converge on the same result', async () => {
    mock.faults.inject({ delayMs: 30, match: { path: '/engagement/rewards' } });
    const calls = Array.from({ length: 10 }, () =>
      vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 }, { idempotencyKey: 'dup-10', maxRetries: 5 }),
    );
    // A call refused as "in flight" retries once the first one has its answer.
    clock.gate = Promise.any(calls);
    const results = await Promise.allSettled(calls);
    const ids = new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.id : 'failed')));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^rwd_/);
    expect((await vinr.engagement.rewards.list()).data).toHaveLength(1);
  });
});
