import { type Incentive, isAPIError, type Offer, type Vinr } from '@vinr/sdk';
import fc from 'fast-check';

/**
 * Random offer catalogues and members for property tests: the same description builds the same state
 * on any mock, so twin mocks can be compared by offer index (ids are random per mock).
 */

export const incentiveArb: fc.Arbitrary<Incentive> = fc.oneof(
  fc.constantFrom(1.5, 2, 3).map((multiplier) => ({ type: 'points_multiplier' as const, multiplier })),
  fc.integer({ min: 1, max: 500 }).map((points) => ({ type: 'points_bonus' as const, points })),
  fc
    .record({ percent: fc.constantFrom(5, 10, 12.5, 50, 100), max: fc.option(fc.integer({ min: 1, max: 2000 })) })
    .map(({ percent, max }) => ({ type: 'percentage_discount' as const, percent, max_discount: max })),
);

export const offerSpecArb = fc.record({
  incentive: incentiveArb,
  activation: fc.constantFrom('auto' as const, 'opt_in' as const),
  tiers: fc.option(fc.constantFrom(['gold'], ['silver'], ['gold', 'silver']), { nil: undefined }),
  minBalance: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  max: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  perMember: fc.integer({ min: 1, max: 3 }),
  state: fc.constantFrom('live' as const, 'live' as const, 'live' as const, 'paused' as const, 'draft' as const),
});
export type OfferSpec = typeof offerSpecArb extends fc.Arbitrary<infer S> ? S : never;

export const memberSpecArb = fc.record({
  tier: fc.constantFrom('gold', 'silver', null),
  balance: fc.integer({ min: 0, max: 500 }),
  active: fc.constantFrom(true, true, true, false),
});
export type MemberSpec = typeof memberSpecArb extends fc.Arbitrary<infer S> ? S : never;

/** Prior activity: activations and purchases by (offer, member) indexes, replayed in order. */
export const historyArb = fc.array(
  fc.record({
    kind: fc.constantFrom('activate' as const, 'purchase' as const, 'checkout' as const),
    offer: fc.nat({ max: 7 }),
    member: fc.nat({ max: 3 }),
    amount: fc.integer({ min: 0, max: 20_000 }),
  }),
  { maxLength: 12 },
);
export type History = typeof historyArb extends fc.Arbitrary<infer S> ? S : never;

/** Business refusals are expected outcomes of random activity; anything else fails the property. */
export const expectedRefusal = (e: unknown): undefined => {
  if (isAPIError(e) && [409, 422].includes(e.status)) return undefined;
  throw e;
};

export interface Built {
  offers: Offer[];
  members: string[];
}

/** Builds the catalogue, the members and their history on `vinr` (sequentially, deterministically). */
export async function build(vinr: Vinr, offers: OfferSpec[], members: MemberSpec[], history: History): Promise<Built> {
  const made: Offer[] = [];
  for (const [i, spec] of offers.entries()) {
    const targeting = {
      ...(spec.tiers ? { tiers: [...spec.tiers] } : {}),
      ...(spec.minBalance === undefined ? {} : { min_balance: spec.minBalance }),
    };
    const offer = await vinr.engagement.offers.create({
      name: `offer ${i}`,
      incentive: spec.incentive,
      activation: spec.activation,
      targeting,
      max_redemptions: spec.max,
      per_member_limit: spec.perMember,
    });
    if (spec.state !== 'draft') await vinr.engagement.offers.publish(offer.id);
    if (spec.state === 'paused') await vinr.engagement.offers.pause(offer.id);
    made.push(offer);
  }
  const ids: string[] = [];
  for (const m of members) {
    const account = await vinr.engagement.loyaltyAccounts.create({ tier: m.tier, points_balance: m.balance });
    if (!m.active) await vinr.engagement.loyaltyAccounts.update(account.id, { status: 'suspended' });
    ids.push(account.id);
  }
  let n = 0;
  for (const step of history) {
    const account = ids[step.member % ids.length] as string;
    const offer = made[step.offer % Math.max(1, made.length)];
    if (step.kind === 'activate' && offer) {
      await vinr.engagement.offers.activate({ offer: offer.id, account }).catch(expectedRefusal);
    } else if (step.kind === 'purchase') {
      await vinr.engagement.events.track({
        type: 'payment.completed',
        account,
        payment_id: `hist_${++n}`,
        amount: step.amount,
        currency: 'eur',
      });
    } else if (step.kind === 'checkout') {
      await vinr.engagement.checkouts.create({ account, amount: step.amount, currency: 'eur' });
    }
  }
  return { offers: made, members: ids };
}
