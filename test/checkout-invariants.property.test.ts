import type { Checkout, Vinr } from '@vinr/sdk';
import { createVinrMock, type VinrMock } from '@vinr/sdk/mocks';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { NOW } from './support/offers.js';
import { build, expectedRefusal, memberSpecArb, offerSpecArb } from './support/random-state.js';

// Random bursts of concurrent checkouts, completions, cancellations, purchases, refunds and activations,
// with the clock moving between bursts. After every burst, read back through the API:
// - committed + reserved ≤ max_redemptions, and ≤ per_member_limit per member;
// - reserved_count is exactly the open checkouts' applied entries;
// - a member's balance is the sum of their points transactions;
// - the reversals of a payment never exceed what it earned, per transaction source.

const opArb = fc.oneof(
  fc.record({ kind: fc.constant('checkout' as const), member: fc.nat(), amount: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({ kind: fc.constant('complete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), amount: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({ kind: fc.constant('purchase' as const), member: fc.nat(), amount: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({
    kind: fc.constant('refund' as const),
    pick: fc.nat(),
    amount: fc.option(fc.integer({ min: 1, max: 9_000 })),
  }),
  fc.record({ kind: fc.constant('activate' as const), member: fc.nat(), offer: fc.nat() }),
);
type Op = typeof opArb extends fc.Arbitrary<infer O> ? O : never;

const burstArb = fc.record({
  ops: fc.array(opArb, { minLength: 1, maxLength: 12 }),
  advanceSeconds: fc.constantFrom(0, 0, 30, 600, 1000),
});

interface World {
  mock: VinrMock;
  vinr: Vinr;
  offers: string[];
  members: string[];
  checkouts: Checkout[];
  payments: { id: string; account: string }[];
  n: number;
}

const pick = <T>(list: T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

async function run(w: World, op: Op): Promise<void> {
  const { vinr } = w;
  switch (op.kind) {
    case 'checkout': {
      const account = pick(w.members, op.member) as string;
      w.checkouts.push(
        await vinr.engagement.checkouts.create({ account, amount: op.amount, currency: 'eur', ttl_seconds: 900 }),
      );
      return;
    }
    case 'complete': {
      const c = pick(w.checkouts, op.pick);
      if (!c) return;
      const payment_id = `chkpay_${++w.n}`;
      const done = await vinr.engagement.checkouts.complete(c.id, { payment_id }).catch(expectedRefusal);
      if (done) w.payments.push({ id: payment_id, account: c.account });
      return;
    }
    case 'cancel': {
      const c = pick(w.checkouts, op.pick);
      if (c) await vinr.engagement.checkouts.cancel(c.id).catch(expectedRefusal);
      return;
    }
    case 'update': {
      const c = pick(w.checkouts, op.pick);
      if (c) await vinr.engagement.checkouts.update(c.id, { amount: op.amount }).catch(expectedRefusal);
      return;
    }
    case 'purchase': {
      const account = pick(w.members, op.member) as string;
      const payment_id = `pay_${++w.n}`;
      await vinr.engagement.events.track({
        type: 'payment.completed',
        account,
        payment_id,
        amount: op.amount,
        currency: 'eur',
      });
      w.payments.push({ id: payment_id, account });
      return;
    }
    case 'refund': {
      const p = pick(w.payments, op.pick);
      if (!p) return;
      await vinr.engagement.events
        .track({
          type: 'payment.refunded',
          account: p.account,
          payment_id: p.id,
          refund_id: `re_${++w.n}`,
          ...(op.amount === null ? {} : { amount: op.amount }),
        })
        .catch(expectedRefusal);
      return;
    }
    case 'activate': {
      const offer = pick(w.offers, op.offer) as string;
      const account = pick(w.members, op.member) as string;
      await vinr.engagement.offers.activate({ offer, account }).catch(expectedRefusal);
      return;
    }
  }
}

async function checkInvariants(w: World): Promise<void> {
  const { vinr } = w;
  const open = await vinr.engagement.checkouts.list({ status: 'open' }).toArray({ limit: 10_000 });
  const active = (await vinr.engagement.redemptions.list().toArray({ limit: 10_000 })).filter(
    (r) => r.status === 'active',
  );
  const offers = await Promise.all(w.offers.map((id) => vinr.engagement.offers.retrieve(id)));
  for (const offer of offers) {
    const id = offer.id;
    const reserved = open.flatMap((c) => c.applied).filter((a) => a.offer === id);
    expect(offer.reserved_count).toBe(reserved.length);
    expect(offer.redemption_count).toBe(active.filter((r) => r.offer === id).length);
    if (offer.max_redemptions !== null) {
      expect(offer.redemption_count + offer.reserved_count).toBeLessThanOrEqual(offer.max_redemptions);
    }
    for (const member of w.members) {
      const used = active.filter((r) => r.offer === id && r.account === member).length;
      const held = open
        .filter((c) => c.account === member)
        .flatMap((c) => c.applied)
        .filter((a) => a.offer === id).length;
      expect(used + held).toBeLessThanOrEqual(offer.per_member_limit);
    }
  }
  for (const member of w.members) {
    const [ledger, account] = await Promise.all([
      vinr.engagement.pointsTransactions.list({ account: member }).toArray({ limit: 10_000 }),
      vinr.engagement.loyaltyAccounts.retrieve(member),
    ]);
    expect(account.points_balance).toBe(ledger.reduce((s, t) => s + t.points, 0));
    const bySource = new Map<string, { earned: number; reversed: number }>();
    for (const t of ledger) {
      if (t.payment_id === null) continue;
      const key = `${t.payment_id}/${t.offer}`;
      const entry = bySource.get(key) ?? { earned: 0, reversed: 0 };
      if (t.type === 'reversal') entry.reversed -= t.points;
      else entry.earned += t.points;
      bySource.set(key, entry);
    }
    for (const { earned, reversed } of bySource.values()) {
      expect(reversed).toBeGreaterThanOrEqual(0);
      expect(reversed).toBeLessThanOrEqual(earned);
    }
  }
}

test('caps, per-member limits, the ledger and refunds hold after every burst of concurrent operations', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(offerSpecArb, { minLength: 1, maxLength: 4 }),
      fc.array(memberSpecArb, { minLength: 1, maxLength: 3 }),
      fc.array(burstArb, { minLength: 1, maxLength: 5 }),
      async (offerSpecs, memberSpecs, bursts) => {
        const mock = createVinrMock({ now: NOW });
        const vinr = mock.client({ maxRetries: 0 });
        const built = await build(vinr, offerSpecs, memberSpecs, []);
        const w: World = {
          mock,
          vinr,
          offers: built.offers.map((o) => o.id),
          members: built.members,
          checkouts: [],
          payments: [],
          n: 0,
        };
        for (const burst of bursts) {
          await Promise.all(burst.ops.map((op) => run(w, op)));
          await checkInvariants(w);
          if (burst.advanceSeconds > 0) {
            mock.clock.advance(`${burst.advanceSeconds}s`);
            await checkInvariants(w);
          }
        }
      },
    ),
    { numRuns: 30 },
  );
}, 60_000);
