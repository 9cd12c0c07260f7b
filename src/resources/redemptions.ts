import { activityOperations as ops } from '../api/operations/activity.js';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import type { PointsTransactionListParams, RedemptionListParams } from '../schemas/activity.js';
import type { OfferActivation, OfferRedemption, PointsTransaction } from '../schemas/objects/index.js';
import { APIResource } from './resource.js';

export type { OfferActivation, OfferRedemption, PointsTransaction, PointsTransactionListParams, RedemptionListParams };

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
    return this._request(ops['redemptions.retrieve'], [id], undefined, options);
  }

  /**
   * Lists redemptions, optionally of one offer and/or one account.
   * @example
   * ```ts
   * const used = await vinr.engagement.redemptions.list({ offer: 'ofr_123' }).toArray({ limit: 1000 });
   * ```
   */
  list(params?: RedemptionListParams, options?: RequestOptions): PagePromise<OfferRedemption> {
    return this._list<OfferRedemption>(ops['redemptions.list'], params, options);
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
    return this._list<PointsTransaction>(ops['pointsTransactions.list'], params, options);
  }
}
