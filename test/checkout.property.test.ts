import { createVinrMock } from '@vinr/sdk/mocks';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { NOW } from './support/offers.js';
import { type Built, build, expectedRefusal, historyArb, memberSpecArb, offerSpecArb } from './support/random-state.js';

// Random catalogues, members and prior activity (activations, purchases, open checkouts). The answers of
// eligibility, checkout quotes and tracking must agree, because they are the same engine check.

const stateArb = fc.record({
  offers: fc.array(offerSpecArb, { minLength: 1, maxLength: 6 }),
  members: fc.array(memberSpecArb, { minLength: 1, maxLength: 3 }),
  history: historyArb,
});

test('a checkout quote equals what tracking the same purchase produces (twin mocks)', async () => {
  await fc.assert(
    fc.asyncProperty(stateArb, fc.nat({ max: 3 }), fc.integer({ min: 0, max: 30_000 }), async (s, who, amount) => {
      const quoter = createVinrMock({ now: NOW }).client({ maxRetries: 0 });
      const tracker = createVinrMock({ now: NOW }).client({ maxRetries: 0 });
      const [quoted, tracked] = await Promise.all([
        build(quoter, s.offers, s.members, s.history),
        build(tracker, s.offers, s.members, s.history),
      ]);
      const indexIn = (built: Built, id: string) => built.offers.findIndex((o) => o.id === id);
      const q = quoted.members[who % quoted.members.length] as string;
      const t = tracked.members[who % tracked.members.length] as string;
      const checkout = await quoter.engagement.checkouts.create({ account: q, amount, currency: 'eur' });
      const event = await tracker.engagement.events.track({
        type: 'payment.completed',
        account: t,
        payment_id: 'twin',
        amount,
        currency: 'eur',
      });
      expect(checkout.discount_amount).toBe(event.discount_amount);
      expect(checkout.points_preview).toBe(event.points_transactions.reduce((sum, tx) => sum + tx.points, 0));
      expect(checkout.applied.map((a) => [indexIn(quoted, a.offer), a.discount_amount, a.points, a.reward])).toEqual(
        event.redemptions.map((r) => [
          indexIn(tracked, r.offer),
          r.discount_amount,
          r.points_transaction?.points ?? null,
          r.reward,
        ]),
      );
      // Completing the checkout commits exactly that.
      const done = await quoter.engagement.checkouts.complete(checkout.id, { payment_id: 'twin' });
      expect(done.engagement_event?.points_transactions.map((tx) => tx.points)).toEqual(
        event.points_transactions.map((tx) => tx.points),
      );
    }),
    { numRuns: 40 },
  );
});

test('eligible ⇔ the activation that follows succeeds (opt-in) / a lone purchase worth > 0 redeems (auto)', async () => {
  await fc.assert(
    fc.asyncProperty(stateArb, fc.nat({ max: 7 }), fc.nat({ max: 3 }), async (s, which, who) => {
      const vinr = createVinrMock({ now: NOW }).client({ maxRetries: 0 });
      const built = await build(vinr, s.offers, s.members, s.history);
      const offer = built.offers[which % built.offers.length]!;
      const account = built.members[who % built.members.length] as string;
      const check = await vinr.engagement.offers.checkEligibility({ offer: offer.id, account });
      expect(check.eligible).toBe(check.reasons.length === 0);
      if (offer.activation === 'opt_in') {
        const outcome = await vinr.engagement.offers.activate({ offer: offer.id, account }).then(
          () => 'activated',
          (e: unknown) => e,
        );
        expect(outcome === 'activated').toBe(check.eligible);
      } else {
        // A lone purchase: the other offers are paused (their discounts could use up the room), and
        // 100 000.00 is worth > 0 under every incentive.
        for (const other of built.offers) {
          if (other.id !== offer.id) await vinr.engagement.offers.pause(other.id).catch(expectedRefusal);
        }
        const event = await vinr.engagement.events.track({
          type: 'payment.completed',
          account,
          payment_id: 'probe',
          amount: 10_000_000,
          currency: 'eur',
        });
        expect(event.redemptions.some((r) => r.offer === offer.id)).toBe(check.eligible);
      }
    }),
    { numRuns: 60 },
  );
});
