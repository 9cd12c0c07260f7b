import { ConflictError, NotFoundError, VinrError } from '@vinr/sdk';
import { createVinrMock, type MockSnapshot } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { expect, test } from 'vitest';

async function build(mock: ReturnType<typeof createVinrMock>) {
  const vinr = mock.client();
  const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold', points_balance: 500 });
  await vinr.engagement.segments.create({ key: 'vip', name: 'VIP' });
  await vinr.engagement.segments.addMembers('vip', { accounts: [account.id] });
  const offer = await vinr.engagement.offers.create({
    name: 'Two per member',
    incentive: { type: 'points_bonus', points: 10 },
    activation: 'opt_in',
    per_member_limit: 2,
    max_redemptions: 3,
    targeting: { segments: ['vip'] },
    ends_at: '2026-02-01T00:00:00Z',
  });
  await vinr.engagement.offers.publish(offer.id);
  await vinr.engagement.offers.activate({ offer: offer.id, account: account.id }, { idempotencyKey: 'act-1' });
  return { vinr, account, offer };
}

test('restore brings back the whole state: records, counters, events, idempotency, clock and next ids', async () => {
  const mock = createVinrMock({ seed: 'fixture' });
  const { vinr, account, offer } = await build(mock);
  const fixture = JSON.parse(JSON.stringify(mock.snapshot())) as MockSnapshot; // survives a file
  expect(fixture.version).toBe(1);
  expect(JSON.stringify(fixture)).not.toContain(mock.secretKey);

  // What happens after the snapshot…
  const after = async () => {
    const second = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    const third = await vinr.engagement.offers
      .activate({ offer: offer.id, account: account.id })
      .catch((e: unknown) => e);
    const other = await vinr.engagement.loyaltyAccounts.create({});
    const replay = await vinr.engagement.offers
      .activate({ offer: offer.id, account: account.id }, { idempotencyKey: 'act-1' })
      .withResponse();
    return { second, third, other, replayed: replay.response.headers['idempotent-replayed'] };
  };
  const first = await after();
  mock.clock.advance('30d');
  await vinr.engagement.loyaltyAccounts.create({});
  mock.restore(fixture);
  // …happens again exactly: same ids, same per-member limit, same recorded idempotent response.
  const again = await after();
  expect(again).toEqual(first);
  expect((first.third as VinrError).name).toBe('OfferLimitReachedError');
  expect(first.replayed).toBe('true');
  expect(mock.clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  expect(mock.events.map((e) => e.type)).toEqual([
    'loyalty.offer.published',
    'loyalty.offer.activated',
    'loyalty.offer.redeemed',
    'loyalty.offer.activated',
    'loyalty.offer.redeemed',
  ]);
  expect((await vinr.engagement.segments.retrieve('vip')).member_count).toBe(1);
  expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).points_balance).toBe(520);
  // The offer still expires at its end when the clock gets there.
  mock.clock.set('2026-02-02T00:00:00Z');
  expect(mock.events.at(-1)?.type).toBe('loyalty.offer.expired');
});

test('a fresh mock restored from a snapshot serves the same state; restore clears the journal', async () => {
  const source = createVinrMock({ now: '2026-01-10T00:00:00Z' });
  const { account } = await build(source);
  // Subscribed to an event this test never causes: nothing is delivered to these unreachable URLs.
  const events = ['loyalty.offer.paused'];
  const endpoint = await source.client().webhookEndpoints.create({ url: 'http://127.0.0.1:9/hooks', events });
  await source.client().webhookEndpoints.delete(endpoint.id);
  const kept = await source.client().webhookEndpoints.create({ url: 'http://127.0.0.1:9/kept', events });
  const snapshot = source.snapshot();
  const target = createVinrMock();
  await target.client().engagement.rewards.create({ name: 'gone', points_cost: 1 });
  target.restore(snapshot);
  expect(target.requests).toEqual([]);
  expect(target.clock.now().toISOString()).toBe('2026-01-10T00:00:00.000Z');
  const vinr = target.client();
  expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).points_balance).toBe(510);
  expect((await vinr.engagement.rewards.list()).data).toEqual([]);
  expect((await vinr.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([kept.id]);
  await expect(vinr.webhookEndpoints.delete(endpoint.id)).rejects.toBeInstanceOf(NotFoundError);
  target.restore(snapshot); // the state before the checks above, for the id comparison below
  expect((await vinr.events.list()).data).toHaveLength(source.events.length);
  // Without a seed the ids after a restore still repeat those made after the snapshot.
  source.restore(snapshot);
  const a = await source.client().engagement.loyaltyAccounts.create({});
  const b = await target.client().engagement.loyaltyAccounts.create({});
  expect(b.id).toBe(a.id);
});

test('a snapshot of another format version, or not a snapshot at all, is refused and changes nothing', async () => {
  const mock = createVinrMock({ now: '2026-01-10T00:00:00Z' });
  const { account } = await build(mock);
  const snapshot = mock.snapshot();
  const wrongVersion = { ...snapshot, version: 99 } as MockSnapshot;
  expect(() => mock.restore(wrongVersion)).toThrow(VinrError);
  expect(() => mock.restore(wrongVersion)).toThrow(/format version 99.*Rebuild the fixture/);
  expect(() => mock.restore({ hello: 1 } as unknown as MockSnapshot)).toThrow(VinrError);
  const foreign = { ...snapshot, engine: { ...snapshot.engine, nope: [] } } as MockSnapshot;
  expect(() => mock.restore(foreign)).toThrow(/unknown part 'nope'/);
  await expect(mock.client().engagement.loyaltyAccounts.retrieve(account.id)).resolves.toMatchObject({
    id: account.id,
  });
  mock.reset();
  await expect(mock.client().engagement.loyaltyAccounts.retrieve(account.id)).rejects.toBeInstanceOf(NotFoundError);
});

test('snapshot and restore over HTTP, for suites in any language', async () => {
  const mock = createVinrMock({ now: '2026-01-10T00:00:00Z' });
  const { account } = await build(mock);
  const server = await mock.listen();
  const post = async (path: string, body: unknown) => {
    const res = await request(`${server.baseURL}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mock.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
  };
  try {
    const snap = await post('/test_helpers/snapshot', {});
    expect(snap.status).toBe(200);
    expect(snap.json).toMatchObject({ object: 'vinr_mock_snapshot', version: 1 });
    mock.reset();
    const restored = await post('/test_helpers/restore', snap.json);
    expect(restored.json).toMatchObject({ object: 'test_restore', now: '2026-01-10T00:00:00.000Z', frozen: true });
    expect((await mock.client().engagement.loyaltyAccounts.retrieve(account.id)).id).toBe(account.id);
    const refused = await post('/test_helpers/restore', { ...snap.json, version: 0 });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error: { code: 'invalid_request', param: 'version' } });
  } finally {
    await server.close();
  }
});

test('a request in flight at restore() is cut off: it writes nothing into the restored state', async () => {
  const mock = createVinrMock({ now: '2026-01-10T00:00:00Z' });
  const { vinr, account } = await build(mock);
  const fixture = mock.snapshot();
  mock.faults.inject({ delayMs: 300 });
  const pending = vinr.engagement.loyaltyAccounts
    .update(account.id, { tier: 'silver' }, { idempotencyKey: 'in-flight', maxRetries: 0 })
    .catch((e: unknown) => e);
  await new Promise((r) => setTimeout(r, 50));
  mock.restore(fixture);
  const err = await pending;
  expect(err).toBeInstanceOf(ConflictError);
  expect((err as ConflictError).message).toMatch(/mock\.restore\(\)/);
  // The restored state is the fixture's, untouched by the request that started before it.
  expect((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).tier).toBe('gold');
  expect(mock.snapshot()).toEqual(fixture);
  // Its key was neither recorded nor left held: the same key now serves a request of the restored state.
  const fresh = await vinr.engagement.loyaltyAccounts.update(
    account.id,
    { tier: 'platinum' },
    { idempotencyKey: 'in-flight' },
  );
  expect(fresh.tier).toBe('platinum');
});

test('a snapshot keeps open checkouts and their reserved slots: after restore the hold still counts and completes', async () => {
  const mock = createVinrMock({ now: '2026-01-10T00:00:00Z' });
  const vinr = mock.client();
  const [alice, bob] = await Promise.all([
    vinr.engagement.loyaltyAccounts.create({}),
    vinr.engagement.loyaltyAccounts.create({}),
  ]);
  const offer = await vinr.engagement.offers.create({
    name: 'Last 10 % slot',
    incentive: { type: 'percentage_discount', percent: 10 },
    max_redemptions: 1,
  });
  await vinr.engagement.offers.publish(offer.id);
  const held = await vinr.engagement.checkouts.create({ account: alice.id, amount: 5_000, currency: 'eur' });
  expect(held.discount_amount).toBe(500);
  const fixture = mock.snapshot();

  await vinr.engagement.checkouts.cancel(held.id); // released, then brought back by the restore
  mock.restore(fixture);

  await expect(vinr.engagement.offers.retrieve(offer.id)).resolves.toMatchObject({ reserved_count: 1 });
  const other = await vinr.engagement.checkouts.create({ account: bob.id, amount: 5_000, currency: 'eur' });
  expect(other.applied).toEqual([]); // the only slot is Alice's hold
  const done = await vinr.engagement.checkouts.complete(held.id, { payment_id: 'pay_1' });
  expect(done).toMatchObject({ status: 'completed', discount_amount: 500 });
  await expect(vinr.engagement.offers.retrieve(offer.id)).resolves.toMatchObject({
    redemption_count: 1,
    reserved_count: 0,
    status: 'expired',
  });
});
