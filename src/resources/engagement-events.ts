import { activityOperations as ops } from '../api/operations/activity.js';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { EventTrackParams } from '../schemas/activity.js';
import type { EngagementEvent } from '../schemas/objects/index.js';
import { APIResource } from './resource.js';

export type { EngagementEvent, EventTrackParams };

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
   * Reports a qualifying event. Earns base points, then applies every matching offer. Replaying a
   * `payment_id` returns the original result; it never fails because an offer could not apply.
   * @example
   * ```ts
   * const result = await vinr.engagement.events.track({
   *   type: 'payment.completed', account: 'loy_456', payment_id: 'pay_789', amount: 4999, currency: 'eur',
   * });
   * console.log(result.points_earned, result.redemptions.length);
   * ```
   */
  track(params: EventTrackParams, options?: RequestOptions): APIPromise<EngagementEvent> {
    return this._request(ops['engagementEvents.track'], [], params, options);
  }
}
