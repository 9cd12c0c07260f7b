import { BadRequestError, NotFoundError } from '@vinr/sdk';
import { describe, expect, test } from 'vitest';
import { setup } from './support/setup.js';

describe('loyalty accounts', () => {
  test('defaults, opening balance as a transaction, imports with a past enrolled_at, update', async () => {
    const { vinr } = setup();
    const blank = await vinr.engagement.loyaltyAccounts.create();
    expect(blank).toMatchObject({
      object: 'loyalty_account',
      customer: null,
      tier: null,
      points_balance: 0,
      status: 'active',
      segments: [],
      metadata: {},
      enrolled_at: '2026-06-01T00:00:00.000Z',
      created_at: '2026-06-01T00:00:00.000Z',
    });
    expect(blank.id).toMatch(/^loy_/);
    expect((await vinr.engagement.pointsTransactions.list({ account: blank.id })).data).toEqual([]);

    const imported = await vinr.engagement.loyaltyAccounts.create({
      customer: 'cus_1',
      tier: 'gold',
      points_balance: 1200,
      enrolled_at: '2020-02-02T00:00:00Z',
      metadata: { region: 'eu' },
    });
    expect(imported).toMatchObject({ points_balance: 1200, enrolled_at: '2020-02-02T00:00:00.000Z' });
    const txs = await vinr.engagement.pointsTransactions.list({ account: imported.id });
    expect(txs.data).toMatchObject([{ type: 'opening_balance', points: 1200, offer: null, payment_id: null }]);

    const updated = await vinr.engagement.loyaltyAccounts.update(imported.id, {
      tier: null,
      status: 'suspended',
      metadata: { other: 1 },
    });
    expect(updated).toMatchObject({ tier: null, status: 'suspended', metadata: { other: 1 }, customer: 'cus_1' });
    expect(updated.metadata).not.toHaveProperty('region');
  });
});

describe('segments', () => {
  test('create, add twice, remove a non-member; segments field on the account', async () => {
    const { vinr } = setup();
    const seg = await vinr.engagement.segments.create({ key: 'lapsed_90d' });
    expect(seg).toMatchObject({ key: 'lapsed_90d', object: 'segment', name: 'lapsed_90d', member_count: 0 });
    await vinr.engagement.segments.create({ key: 'vip', name: 'VIPs' });
    const a = await vinr.engagement.loyaltyAccounts.create({});
    const b = await vinr.engagement.loyaltyAccounts.create({});
    await vinr.engagement.segments.addMembers('vip', { accounts: [a.id] });
    const twice = await vinr.engagement.segments.addMembers('lapsed_90d', { accounts: [a.id, a.id, b.id] });
    expect(twice.member_count).toBe(2);
    expect((await vinr.engagement.loyaltyAccounts.retrieve(a.id)).segments).toEqual(['vip', 'lapsed_90d']);
    const removed = await vinr.engagement.segments.removeMembers('vip', { accounts: [a.id, b.id] });
    expect(removed.member_count).toBe(0);
    expect((await vinr.engagement.loyaltyAccounts.retrieve(a.id)).segments).toEqual(['lapsed_90d']);
  });

  test('an unknown account is a 404 naming accounts.N, and nothing is written', async () => {
    const { vinr } = setup();
    await vinr.engagement.segments.create({ key: 'vip' });
    const a = await vinr.engagement.loyaltyAccounts.create({});
    const err = await vinr.engagement.segments.addMembers('vip', { accounts: [a.id, 'loy_ghost'] }).catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ code: 'resource_missing', param: 'accounts.1' });
    expect((await vinr.engagement.segments.retrieve('vip')).member_count).toBe(0);
    expect((await vinr.engagement.loyaltyAccounts.retrieve(a.id)).segments).toEqual([]);
    const missing = await vinr.engagement.segments.addMembers('nope', { accounts: [a.id] }).catch((e) => e);
    expect(missing).toMatchObject({ status: 404, param: 'key' });
  });

  test('creating a key twice is a 400 invalid_request naming key', async () => {
    const { vinr } = setup();
    await vinr.engagement.segments.create({ key: 'vip' });
    const err = await vinr.engagement.segments.create({ key: 'vip', name: 'again' }).catch((e) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toMatchObject({ code: 'invalid_request', param: 'key' });
    expect((await vinr.engagement.segments.retrieve('vip')).name).toBe('vip');
  });
});

describe('pagination', () => {
  test('newest first by creation sequence, even when created_at ties; for await, toArray, has_more', async () => {
    const { vinr } = setup(); // the clock is frozen: every account has the same created_at
    const created: string[] = [];
    for (let i = 0; i < 25; i++) created.push((await vinr.engagement.loyaltyAccounts.create({ customer: `c${i}` })).id);
    const newestFirst = [...created].reverse();

    const first = await vinr.engagement.loyaltyAccounts.list();
    expect(first.object).toBe('list');
    expect(first.data.map((a) => a.id)).toEqual(newestFirst.slice(0, 10));
    expect(first.has_more).toBe(true);

    const seen: string[] = [];
    for await (const account of vinr.engagement.loyaltyAccounts.list({ limit: 7 })) seen.push(account.id);
    expect(seen).toEqual(newestFirst);

    expect((await vinr.engagement.loyaltyAccounts.list().toArray({ limit: 12 })).map((a) => a.id)).toEqual(
      newestFirst.slice(0, 12),
    );
    const last = await vinr.engagement.loyaltyAccounts.list({ limit: 5, starting_after: newestFirst[19] });
    expect(last.data.map((a) => a.id)).toEqual(newestFirst.slice(20));
    expect(last.has_more).toBe(false);
    const exact = await vinr.engagement.loyaltyAccounts.list({ limit: 100 });
    expect(exact).toMatchObject({ has_more: false });
    expect(exact.data).toHaveLength(25);
  });

  test('segments page by key; offers filter by status; an unknown cursor is a 404 on starting_after', async () => {
    const { vinr } = setup();
    for (const key of ['c', 'a', 'b']) await vinr.engagement.segments.create({ key });
    expect((await vinr.engagement.segments.list({ limit: 2 })).data.map((s) => s.key)).toEqual(['b', 'a']);
    expect((await vinr.engagement.segments.list({ starting_after: 'a' })).data.map((s) => s.key)).toEqual(['c']);

    const offers = [];
    for (let i = 0; i < 4; i++) {
      offers.push(
        await vinr.engagement.offers.create({ name: `o${i}`, incentive: { type: 'points_bonus', points: 1 } }),
      );
    }
    await vinr.engagement.offers.publish(offers[1]!.id);
    await vinr.engagement.offers.publish(offers[3]!.id);
    const active = await vinr.engagement.offers.list({ status: 'active' }).toArray({ limit: 10 });
    expect(active.map((o) => o.id)).toEqual([offers[3]!.id, offers[1]!.id]);
    const drafts = await vinr.engagement.offers.list({ status: 'draft', starting_after: offers[3]!.id });
    expect(drafts.data.map((o) => o.id)).toEqual([offers[2]!.id, offers[0]!.id]);

    const err = await vinr.engagement.offers.list({ starting_after: 'ofr_unknown' }).catch((e) => e);
    expect(err).toMatchObject({ status: 404, code: 'resource_missing', param: 'starting_after' });
  });

  test('the event log: newest first, by type, retrievable by id', async () => {
    const { mock, vinr } = setup();
    const offer = await vinr.engagement.offers.create({ name: 'x', incentive: { type: 'points_bonus', points: 5 } });
    await vinr.engagement.offers.publish(offer.id);
    await vinr.engagement.offers.pause(offer.id);
    await vinr.engagement.offers.resume(offer.id);
    const all = await vinr.events.list();
    expect(all.data.map((e) => e.type)).toEqual([
      'loyalty.offer.resumed',
      'loyalty.offer.paused',
      'loyalty.offer.published',
    ]);
    const paused = await vinr.events.list({ type: 'loyalty.offer.paused' });
    expect(paused.data).toHaveLength(1);
    const one = await vinr.events.retrieve(paused.data[0]!.id);
    expect(one).toEqual(mock.events[1]);
    expect(one).toMatchObject({ object: 'event', type: 'loyalty.offer.paused', data: { offer: { status: 'paused' } } });
  });
});
