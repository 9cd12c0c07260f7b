import { checkoutOperations as ops } from '../api/operations/checkouts.js';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import type {
  CheckoutCompleteParams,
  CheckoutCreateParams,
  CheckoutListParams,
  CheckoutPreviewParams,
  CheckoutStatus,
  CheckoutUpdateParams,
} from '../schemas/checkouts.js';
import type { Checkout, CheckoutApplied, CheckoutPreview } from '../schemas/objects/index.js';
import { APIResource } from './resource.js';

export type {
  Checkout,
  CheckoutApplied,
  CheckoutCompleteParams,
  CheckoutCreateParams,
  CheckoutListParams,
  CheckoutPreview,
  CheckoutPreviewParams,
  CheckoutStatus,
  CheckoutUpdateParams,
};

/**
 * `vinr.engagement.checkouts`: price a cart before charging, hold its offers, commit on payment.
 * @example
 * ```ts
 * const checkout = await vinr.engagement.checkouts.create({ account: 'loy_456', amount: 10_000, currency: 'eur' });
 * // charge checkout.amount_due with your payment provider, then:
 * await vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_789' });
 * ```
 */
export class Checkouts extends APIResource {
  /**
   * Quotes a cart (every offer the member's payment would apply now) and reserves one slot of each
   * applied offer, atomically, until `expires_at` (`ttl_seconds`, default 900).
   * @example
   * ```ts
   * const checkout = await vinr.engagement.checkouts.create({ account: 'loy_456', amount: 10_000, currency: 'eur' });
   * console.log(checkout.amount_due, checkout.applied);
   * ```
   */
  create(params: CheckoutCreateParams, options?: RequestOptions): APIPromise<Checkout> {
    return this._request(ops['checkouts.create'], [], params, options);
  }

  /**
   * The same quote as `create`, stored nowhere and reserving nothing: for pricing a cart on every page view.
   * @example
   * ```ts
   * const quote = await vinr.engagement.checkouts.preview({ account: 'loy_456', amount: 10_000, currency: 'eur' });
   * console.log(quote.amount_due);
   * ```
   */
  preview(params: CheckoutPreviewParams, options?: RequestOptions): APIPromise<CheckoutPreview> {
    return this._request(ops['checkouts.preview'], [], params, options);
  }

  /**
   * Retrieves a checkout; an open one past `expires_at` reads `expired`.
   * @example
   * ```ts
   * const checkout = await vinr.engagement.checkouts.retrieve('chk_123');
   * ```
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<Checkout> {
    return this._request(ops['checkouts.retrieve'], [id], undefined, options);
  }

  /**
   * Changes an open checkout. `amount` re-quotes it, keeping the slots it still needs; `metadata`
   * replaces the whole map; `expires_at` is unchanged.
   * @example
   * ```ts
   * const checkout = await vinr.engagement.checkouts.update('chk_123', { amount: 12_500 });
   * ```
   */
  update(id: string, params: CheckoutUpdateParams, options?: RequestOptions): APIPromise<Checkout> {
    return this._request(ops['checkouts.update'], [id], params, options);
  }

  /**
   * Lists checkouts, newest first, optionally of one account and/or status.
   * @example
   * ```ts
   * for await (const c of vinr.engagement.checkouts.list({ account: 'loy_456', status: 'open' })) console.log(c.id);
   * ```
   */
  list(params?: CheckoutListParams, options?: RequestOptions): PagePromise<Checkout> {
    return this._list<Checkout>(ops['checkouts.list'], params, options);
  }

  /**
   * Commits exactly the quote once you charged `amount_due`. A late payment completes an expired
   * checkout when its slots can be taken again; otherwise `CheckoutNotOpenError` lists `lostOffers`.
   * @example
   * ```ts
   * const done = await vinr.engagement.checkouts.complete('chk_123', { payment_id: 'pay_789' });
   * console.log(done.engagement_event?.points_earned);
   * ```
   */
  complete(id: string, params: CheckoutCompleteParams, options?: RequestOptions): APIPromise<Checkout> {
    return this._request(ops['checkouts.complete'], [id], params, options);
  }

  /**
   * Cancels an open checkout and releases its slots. Cancelling again (or an expired one) returns it unchanged.
   * @example
   * ```ts
   * await vinr.engagement.checkouts.cancel('chk_123');
   * ```
   */
  cancel(id: string, options?: RequestOptions): APIPromise<Checkout> {
    return this._request(ops['checkouts.cancel'], [id], undefined, options);
  }
}
