import { activityOperations as ops } from '../api/operations/activity.js';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { EventTrackParams, PaymentCompletedParams, PaymentRefundedParams } from '../schemas/activity.js';
import type { EngagementEvent } from '../schemas/objects/index.js';
import { APIResource } from './resource.js';

export type { EngagementEvent, EventTrackParams, PaymentCompletedParams, PaymentRefundedParams };

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
  track(params: EventTrackParams, options?: RequestOptions): APIPromise<EngagementEvent> {
    return this._request(ops['engagementEvents.track'], [], params, options);
  }
}
