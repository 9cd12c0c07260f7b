import type { OfferCreateParams, Vinr } from '@vinr/sdk';
import { createVinrMock, type VinrMock } from '@vinr/sdk/mocks';

export const NOW = '2026-06-06T12:00:00Z';

/** A mock frozen at {@link NOW} and a client that never retries (refusals surface at once). */
export function frozenMock(): { mock: VinrMock; vinr: Vinr } {
  const mock = createVinrMock({ now: NOW });
  return { mock, vinr: mock.client({ maxRetries: 0 }) };
}

/** Creates and publishes an offer. */
export async function liveOffer(vinr: Vinr, params: OfferCreateParams) {
  const offer = await vinr.engagement.offers.create(params);
  return vinr.engagement.offers.publish(offer.id);
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

export const tenPercent = {
  name: '10% off',
  incentive: { type: 'percentage_discount' as const, percent: 10 },
} satisfies OfferCreateParams;
export const doublePoints = {
  name: 'Double points',
  incentive: { type: 'points_multiplier' as const, multiplier: 2 },
} satisfies OfferCreateParams;
