import type { OfferCreateParams, Vinr } from '@vinr/sdk';
import type { VinrMock } from '@vinr/sdk/mocks';
import { setup } from './setup.js';

export { refusal } from './setup.js';

export const NOW = '2026-06-06T12:00:00Z';

/** A mock frozen at {@link NOW} and a client that never retries (refusals surface at once). */
export function frozenMock(): { mock: VinrMock; vinr: Vinr } {
  return setup({ now: NOW });
}

/** Creates and publishes an offer. */
export async function liveOffer(vinr: Vinr, params: OfferCreateParams) {
  const offer = await vinr.engagement.offers.create(params);
  return vinr.engagement.offers.publish(offer.id);
}

export const tenPercent = {
  name: '10% off',
  incentive: { type: 'percentage_discount' as const, percent: 10 },
} satisfies OfferCreateParams;
export const doublePoints = {
  name: 'Double points',
  incentive: { type: 'points_multiplier' as const, multiplier: 2 },
} satisfies OfferCreateParams;

/** Two fresh members with default settings, created together. */
export function twoMembers(vinr: Vinr) {
  return Promise.all([vinr.engagement.loyaltyAccounts.create({}), vinr.engagement.loyaltyAccounts.create({})]);
}

/** A gold member who activates a live `points_bonus` offer, which redeems at once (one `redeemed` event). */
export async function redeemedBonus(vinr: Vinr, name: string, points: number) {
  const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
  const offer = await liveOffer(vinr, { name, incentive: { type: 'points_bonus', points } });
  const activation = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
  return { account, offer, activation };
}
