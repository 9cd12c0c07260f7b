/**
 * Typed webhook events. Types only: this module must stay free of undici and zod
 * so that `@vinr/sdk/webhooks` loads in a few milliseconds.
 */
import type { Offer } from '../resources/offers.js';
import type { OfferActivation, OfferRedemption, PointsTransaction } from '../resources/redemptions.js';

interface BaseEvent<T extends string, D> {
  id: string;
  object: 'event';
  type: T;
  created_at: string;
  data: D;
}

/** Data of `loyalty.offer.redeemed`. */
export interface OfferRedeemedData {
  offer: string;
  account: string;
  redemption: OfferRedemption;
  points_transaction: PointsTransaction | null;
  discount_amount: number | null;
  reward: string | null;
}

/** Data of `loyalty.offer.redemption_reversed`: a redemption undone by a full refund of its payment. */
export interface OfferRedemptionReversedData {
  offer: string;
  account: string;
  redemption: OfferRedemption;
  refund_id: string;
}

/** Data of `loyalty.points.reversed`: one `reversal` points transaction written by a refund. */
export interface PointsReversedData {
  account: string;
  points_transaction: PointsTransaction;
  refund_id: string;
}

/** `loyalty.offer.published`: an offer was published. */
export type OfferPublishedEvent = BaseEvent<'loyalty.offer.published', { offer: Offer }>;
/** `loyalty.offer.paused`: an offer was paused. */
export type OfferPausedEvent = BaseEvent<'loyalty.offer.paused', { offer: Offer }>;
/** `loyalty.offer.resumed`: a paused offer was resumed. */
export type OfferResumedEvent = BaseEvent<'loyalty.offer.resumed', { offer: Offer }>;
/** `loyalty.offer.expired`: an offer reached `ends_at` or `max_redemptions`. */
export type OfferExpiredEvent = BaseEvent<'loyalty.offer.expired', { offer: Offer }>;
/** `loyalty.offer.activated`: a member opted in to an offer. */
export type OfferActivatedEvent = BaseEvent<'loyalty.offer.activated', { activation: OfferActivation }>;
/** `loyalty.offer.redeemed`: an offer was redeemed (points, discount or reward). */
export type OfferRedeemedEvent = BaseEvent<'loyalty.offer.redeemed', OfferRedeemedData>;
/** `loyalty.offer.redemption_reversed`: a refunded payment's redemption stopped counting. */
export type OfferRedemptionReversedEvent = BaseEvent<'loyalty.offer.redemption_reversed', OfferRedemptionReversedData>;
/** `loyalty.points.reversed`: a refund took points back (emitted before that refund's redemption reversals). */
export type PointsReversedEvent = BaseEvent<'loyalty.points.reversed', PointsReversedData>;
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
export type VinrEvent =
  | OfferPublishedEvent
  | OfferPausedEvent
  | OfferResumedEvent
  | OfferExpiredEvent
  | OfferActivatedEvent
  | OfferRedeemedEvent
  | OfferRedemptionReversedEvent
  | PointsReversedEvent;

/** Every event type the SDK knows. */
export type VinrEventType = VinrEvent['type'];
