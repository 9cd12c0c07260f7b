import type { RequestOptions } from '../core/options.js';
import type { EventTrackParams, PaymentCompletedParams, PaymentRefundedParams } from '../schemas/activity.js';
import type { OfferRedemption, PointsTransaction } from './redemptions.js';
import { APIResource } from './resource.js';

export type { EventTrackParams, PaymentCompletedParams, PaymentRefundedParams };

/** The result of a tracked qualifying event (`eng_…`): what it earned and which offers applied. */
export interface EngagementEvent {
  id: string;
  object: 'engagement_event';
  type: 'payment.completed' | 'payment.refunded';
  account: string;
  payment_id: string;
  /** The refund's id (`payment.refunded`); null for payments. */
  refund_id: string | null;
  amount: number;
  currency: string;
  occurred_at: string;
  /** Base `earn` points only; offer bonuses are in `redemptions[].points_transaction`. For a refund, the base earn's reversal (≤ 0). */
  points_earned: number;
  /** Sum of discounts, `0` when none. */
  discount_amount: number;
  points_transactions: PointsTransaction[];
  redemptions: OfferRedemption[];
  created_at: string;
}

/**
 * `vinr.engagement.events`: Qualifying events (e.g. `payment.completed`): earn base points and apply every matching offer.
 * @example
 * ```ts
 * const result = await vinr.engagement.events.track({
 *   type: 'payment.completed', account: 'loy_123', payment_id: 'pay_1', amount: 5_000, currency: 'eur',
 * });
 * console.log(result.points_earned, result.redemptions.length);
 * ```
 */
export class EngagementEvents extends APIResource {
  /**
   * Reports a qualifying event. `payment.completed` earns base points, then applies every matching
   * offer (replaying a `payment_id` returns the original result; it never fails because an offer could
   * not apply). `payment.refunded` reverses points in proportion to the refund, and the payment's
   * redemptions once it is refunded in full (replaying a `refund_id` returns the original result).
   * @example
   * ```ts
   * const result = await vinr.engagement.events.track({
   *   type: 'payment.completed', account: 'loy_456', payment_id: 'pay_789', amount: 4999, currency: 'eur',
   * });
   * console.log(result.points_earned, result.redemptions.length);
   * const refund = await vinr.engagement.events.track({
   *   type: 'payment.refunded', account: 'loy_456', payment_id: 'pay_789', refund_id: 're_1', amount: 1000,
   * });
   * console.log(refund.points_transactions); // the reversals written
   * ```
   */
  async track(params: EventTrackParams, options?: RequestOptions): Promise<EngagementEvent> {
    const body = await this._client.validate<EventTrackParams>('eventTrack', params);
    return this._client.request({ method: 'POST', path: '/engagement/events', body }, options);
  }
}
