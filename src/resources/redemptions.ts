import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { PointsTransactionListParams, RedemptionListParams } from '../schemas/activity.js';
import { APIResource } from './resource.js';

export type { PointsTransactionListParams, RedemptionListParams };

/** A signed change to a member's balance (`ptx_…`). */
export interface PointsTransaction {
  id: string;
  object: 'points_transaction';
  account: string;
  points: number;
  type: 'opening_balance' | 'earn' | 'offer' | 'adjustment';
  offer: string | null;
  payment_id: string | null;
  created_at: string;
}

/** One committed use of an offer by a member (`rdm_…`). */
export interface OfferRedemption {
  id: string;
  object: 'offer_redemption';
  offer: string;
  account: string;
  activation: string | null;
  incentive_type: 'points_multiplier' | 'points_bonus' | 'percentage_discount' | 'gift_reward';
  points_transaction: PointsTransaction | null;
  discount_amount: number | null;
  reward: string | null;
  payment_id: string | null;
  created_at: string;
}

/** A member's opt-in to an offer (`ofa_…`). */
export interface OfferActivation {
  id: string;
  object: 'offer_activation';
  offer: string;
  account: string;
  status: 'active' | 'consumed';
  redemption: OfferRedemption | null;
  created_at: string;
}

/**
 * `vinr.engagement.redemptions`: Committed redemptions of offers, filterable by offer and account.
 * @example
 * ```ts
 * const page = await vinr.engagement.redemptions.list({ offer: 'ofr_123', account: 'loy_456' });
 * ```
 */
export class Redemptions extends APIResource {
  /**
   * Retrieves a redemption.
   * @example
   * ```ts
   * const redemption = await vinr.engagement.redemptions.retrieve('rdm_123');
   * ```
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<OfferRedemption> {
    return this._call(() => {
      return this._client.requestWithResponse({ method: 'GET', path: path`/engagement/redemptions/${id}` }, options);
    });
  }

  /**
   * Lists redemptions, optionally of one offer and/or one account.
   * @example
   * ```ts
   * const used = await vinr.engagement.redemptions.list({ offer: 'ofr_123' }).toArray({ limit: 1000 });
   * ```
   */
  list(params?: RedemptionListParams, options?: RequestOptions): PagePromise<OfferRedemption> {
    return this._list<OfferRedemption>('/engagement/redemptions', 'redemptionList', params, options);
  }
}

/**
 * `vinr.engagement.pointsTransactions`: Every change to a member's points balance (opening balance, earn, offer bonus, adjustment).
 * @example
 * ```ts
 * for await (const tx of vinr.engagement.pointsTransactions.list({ account: 'loy_456' })) console.log(tx.points);
 * ```
 */
export class PointsTransactions extends APIResource {
  /**
   * Lists a member's points transactions; their sum is the member's balance.
   * @example
   * ```ts
   * const page = await vinr.engagement.pointsTransactions.list({ account: 'loy_456' });
   * ```
   */
  list(params: PointsTransactionListParams, options?: RequestOptions): PagePromise<PointsTransaction> {
    return this._list<PointsTransaction>('/engagement/points_transactions', 'pointsTransactionList', params, options);
  }
}
