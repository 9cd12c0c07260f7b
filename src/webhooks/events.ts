/**
 * Typed webhook events, inferred from the Event schema of the API objects. Types only: this module must stay
 * free of undici and zod at run time so that `@vinr/sdk/webhooks` loads in a few milliseconds.
 */
import type { z } from 'zod';
import type {
  event,
  offerRedeemedData,
  offerRedemptionReversedData,
  pointsReversedData,
} from '../schemas/objects/activity.js';

interface BaseEvent<T extends string, D> {
  id: string;
  object: 'event';
  type: T;
  created_at: string;
  data: D;
}

/** Data of `loyalty.offer.redeemed`. */
export type OfferRedeemedData = z.infer<typeof offerRedeemedData>;
/** Data of `loyalty.offer.redemption_reversed`: a redemption undone by a full refund of its payment. */
export type OfferRedemptionReversedData = z.infer<typeof offerRedemptionReversedData>;
/** Data of `loyalty.points.reversed`: one `reversal` points transaction written by a refund. */
export type PointsReversedData = z.infer<typeof pointsReversedData>;

/** `loyalty.offer.published`: an offer was published. */
export type OfferPublishedEvent = Extract<VinrEvent, { type: 'loyalty.offer.published' }>;
/** `loyalty.offer.paused`: an offer was paused. */
export type OfferPausedEvent = Extract<VinrEvent, { type: 'loyalty.offer.paused' }>;
/** `loyalty.offer.resumed`: a paused offer was resumed. */
export type OfferResumedEvent = Extract<VinrEvent, { type: 'loyalty.offer.resumed' }>;
/** `loyalty.offer.expired`: an offer reached `ends_at` or `max_redemptions`. */
export type OfferExpiredEvent = Extract<VinrEvent, { type: 'loyalty.offer.expired' }>;
/** `loyalty.offer.activated`: a member opted in to an offer. */
export type OfferActivatedEvent = Extract<VinrEvent, { type: 'loyalty.offer.activated' }>;
/** `loyalty.offer.redeemed`: an offer was redeemed (points, discount or reward). */
export type OfferRedeemedEvent = Extract<VinrEvent, { type: 'loyalty.offer.redeemed' }>;
/** `loyalty.offer.redemption_reversed`: a refunded payment's redemption stopped counting (its slot is free again). */
export type OfferRedemptionReversedEvent = Extract<VinrEvent, { type: 'loyalty.offer.redemption_reversed' }>;
/** `loyalty.points.reversed`: a refund took points back (emitted before that refund's redemption reversals). */
export type PointsReversedEvent = Extract<VinrEvent, { type: 'loyalty.points.reversed' }>;
/**
 * An event of a type this version of the SDK does not know yet. `verify` still returns it, parsed and
 * unchanged; it reaches the `default` branch of a `switch (event.type)`, where you can widen to this type.
 * It is deliberately not a member of {@link VinrEvent}: a member with `type: string` would stop
 * `event.type === 'loyalty.offer.redeemed'` from narrowing `event.data`.
 */
export type UnknownEvent = BaseEvent<string, Record<string, unknown>>;

/**
 * Every known event, discriminated by `type`: `if (event.type === 'loyalty.offer.redeemed')` types
 * `event.data` as {@link OfferRedeemedData}. Events of newer types still arrive (see {@link UnknownEvent}).
 * @example
 * ```ts
 * switch (event.type) {
 *   case 'loyalty.offer.redeemed': grant(event.data.account, event.data.points_transaction); break;
 *   case 'loyalty.offer.expired': archive(event.data.offer.id); break;
 *   default: log.info('unhandled event', (event as UnknownEvent).type);
 * }
 * ```
 */
export type VinrEvent = z.infer<typeof event>;

/** Every event type the SDK knows. */
export type VinrEventType = VinrEvent['type'];
