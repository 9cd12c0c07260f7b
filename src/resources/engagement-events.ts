import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { EventTrackParams } from '../schemas/activity.js';
import type { OfferRedemption, PointsTransaction } from './redemptions.js';
import { APIResource } from './resource.js';

export type { EventTrackParams };

/** The result of a tracked qualifying event (`eng_…`): what it earned and which offers applied. */
export interface EngagementEvent {
  id: string;
  object: 'engagement_event';
  type: 'payment.completed';
  account: string;
  payment_id: string;
  amount: number;
  currency: string;
  occurred_at: string;
  /** Base `earn` points only; offer bonuses are in `redemptions[].points_transaction`. */
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
    return this._call(async () => {
      const body = await this._client.validate<EventTrackParams>('eventTrack', params);
      return this._client.requestWithResponse({ method: 'POST', path: '/engagement/events', body }, options);
    });
  }
}
