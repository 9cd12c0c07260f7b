import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type {
  CheckoutCompleteParams,
  CheckoutCreateParams,
  CheckoutListParams,
  CheckoutPreviewParams,
  CheckoutStatus,
  CheckoutUpdateParams,
} from '../schemas/checkouts.js';
import type { Metadata } from '../schemas/common.js';
import type { EngagementEvent } from './engagement-events.js';
import type { OfferRedemption } from './redemptions.js';
import { APIResource } from './resource.js';

export type {
  CheckoutCompleteParams,
  CheckoutCreateParams,
  CheckoutListParams,
  CheckoutPreviewParams,
  CheckoutStatus,
  CheckoutUpdateParams,
};

/** One offer a checkout quote applies. Fields that do not apply to its incentive are `null`. */
export interface CheckoutApplied {
  offer: string;
  incentive_type: OfferRedemption['incentive_type'];
  discount_amount: number | null;
  points: number | null;
  reward: string | null;
}

/** The price of a cart after the member's offers, and the points it will earn. */
export interface CheckoutQuote {
  account: string;
  amount: number;
  currency: string;
  /** Sum of the applied discounts. */
  discount_amount: number;
  /** What to charge: `amount − discount_amount`. */
  amount_due: number;
  /** Base earn plus every applied points amount. */
  points_preview: number;
  applied: CheckoutApplied[];
}

/** A quote that reserves its offers' slots until completed, canceled or expired (`chk_…`). */
export interface Checkout extends CheckoutQuote {
  id: string;
  object: 'checkout';
  status: CheckoutStatus;
  expires_at: string;
  /** Set when completed. */
  payment_id: string | null;
  /** What completing it committed: the result `events.track` of the same payment would return. */
  engagement_event: EngagementEvent | null;
  metadata: Metadata;
  created_at: string;
  completed_at: string | null;
  canceled_at: string | null;
}

/** A quote that holds nothing (`checkouts.preview`). */
export interface CheckoutPreview extends CheckoutQuote {
  object: 'checkout_preview';
}

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
  async create(params: CheckoutCreateParams, options?: RequestOptions): Promise<Checkout> {
    const body = await this._client.validate<CheckoutCreateParams>('checkoutCreate', params);
    return this._client.request({ method: 'POST', path: '/engagement/checkouts', body }, options);
  }

  /**
   * The same quote as `create`, stored nowhere and reserving nothing: for pricing a cart on every page view.
   * @example
   * ```ts
   * const quote = await vinr.engagement.checkouts.preview({ account: 'loy_456', amount: 10_000, currency: 'eur' });
   * console.log(quote.amount_due);
   * ```
   */
  async preview(params: CheckoutPreviewParams, options?: RequestOptions): Promise<CheckoutPreview> {
    const body = await this._client.validate<CheckoutPreviewParams>('checkoutPreview', params);
    return this._client.request({ method: 'POST', path: '/engagement/checkouts/preview', body }, options);
  }

  /**
   * Retrieves a checkout; an open one past `expires_at` reads `expired`.
   * @example
   * ```ts
   * const checkout = await vinr.engagement.checkouts.retrieve('chk_123');
   * ```
   */
  async retrieve(id: string, options?: RequestOptions): Promise<Checkout> {
    return this._client.request({ method: 'GET', path: path`/engagement/checkouts/${id}` }, options);
  }

  /**
   * Changes an open checkout. `amount` re-quotes it, keeping the slots it still needs; `metadata`
   * replaces the whole map; `expires_at` is unchanged.
   * @example
   * ```ts
   * const checkout = await vinr.engagement.checkouts.update('chk_123', { amount: 12_500 });
   * ```
   */
  async update(id: string, params: CheckoutUpdateParams, options?: RequestOptions): Promise<Checkout> {
    const p = path`/engagement/checkouts/${id}`;
    const body = await this._client.validate<CheckoutUpdateParams>('checkoutUpdate', params);
    return this._client.request({ method: 'PATCH', path: p, body }, options);
  }

  /**
   * Lists checkouts, newest first, optionally of one account and/or status.
   * @example
   * ```ts
   * for await (const c of vinr.engagement.checkouts.list({ account: 'loy_456', status: 'open' })) console.log(c.id);
   * ```
   */
  list(params?: CheckoutListParams, options?: RequestOptions): PagePromise<Checkout> {
    return this._list<Checkout>('/engagement/checkouts', 'checkoutList', params, options);
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
  async complete(id: string, params: CheckoutCompleteParams, options?: RequestOptions): Promise<Checkout> {
    const p = path`/engagement/checkouts/${id}/complete`;
    const body = await this._client.validate<CheckoutCompleteParams>('checkoutComplete', params);
    return this._client.request({ method: 'POST', path: p, body }, options);
  }

  /**
   * Cancels an open checkout and releases its slots. Cancelling again (or an expired one) returns it unchanged.
   * @example
   * ```ts
   * await vinr.engagement.checkouts.cancel('chk_123');
   * ```
   */
  async cancel(id: string, options?: RequestOptions): Promise<Checkout> {
    return this._client.request({ method: 'POST', path: path`/engagement/checkouts/${id}/cancel` }, options);
  }
}
