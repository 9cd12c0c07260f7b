import { expect, test } from 'vitest';
import { MockClock } from '../mocks/engine/clock.js';
import { Engine } from '../mocks/engine/index.js';
import { Store } from '../mocks/engine/store.js';

// Snapshots of the reference server are built on this: every piece of engine state is plain data that
// survives a JSON round trip, and a store read back from it answers lookups like the original.
test('the engine store is plain JSON: toJSON survives JSON.stringify, fromJSON restores tables, indexes and counters', () => {
  const engine = new Engine({ clock: new MockClock('2026-06-06T12:00:00Z') });
  engine.segments.create({ key: 'vip' });
  const member = engine.accounts.create({ tier: 'gold', points_balance: 50 });
  engine.segments.addMembers('vip', { accounts: [member.id] });
  const offer = engine.offers.create({
    name: '10%',
    incentive: { type: 'percentage_discount', percent: 10 },
    max_redemptions: 5,
    per_member_limit: 3,
    ends_at: '2026-07-01T00:00:00Z',
  });
  engine.offers.publish(offer.id);
  const open = engine.checkouts.create({ account: member.id, amount: 1000, currency: 'eur' });
  engine.tracking.track({
    type: 'payment.completed',
    account: member.id,
    payment_id: 'p1',
    amount: 2000,
    currency: 'eur',
  });
  engine.tracking.track({
    type: 'payment.refunded',
    account: member.id,
    payment_id: 'p1',
    refund_id: 'r1',
    amount: 500,
  });

  const json = engine.store.toJSON();
  expect(JSON.parse(JSON.stringify(engine.store))).toEqual(json);
  expect(json.reserved).toEqual({ [`${offer.id}\u0000${member.id}`]: 1 });
  expect(json.holdingCheckouts).toEqual([open.id]);
  expect(json.events.map((e) => e.type)).toEqual([
    'loyalty.offer.published',
    'loyalty.offer.redeemed',
    'loyalty.points.reversed',
  ]);

  const restored = Store.fromJSON(json);
  expect(restored.toJSON()).toEqual(json);
  expect(restored.checkouts.get(open.id)?.applied.map((a) => a.offer)).toEqual([offer.id]);
  expect(restored.offers.get(offer.id)).toMatchObject({ reservedCount: 1, redemptionCount: 1 });
  expect(restored.count(restored.used, offer.id, member.id)).toBe(1);
  expect(restored.accounts.position(member.id)).toBe(0);
  expect(restored.nextSeq()).toBe(json.seq + 1);
  expect(restored.events.get(json.events[0]!.id)?.type).toBe('loyalty.offer.published');
  // A copy, not a view: changing the restored store leaves the original alone.
  restored.offers.get(offer.id)!.name = 'changed';
  expect(engine.store.offers.get(offer.id)?.name).toBe('10%');
});
