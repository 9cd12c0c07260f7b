import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { Metadata } from '../schemas/common.js';
import type {
  Incentive,
  OfferActivateParams,
  OfferCreateParams,
  OfferListParams,
  OfferStatus,
  OfferUpdateParams,
  Targeting,
} from '../schemas/offers.js';
import type { OfferActivation } from './redemptions.js';
import { APIResource } from './resource.js';

export type {
  Incentive,
  OfferActivateParams,
  OfferCreateParams,
  OfferListParams,
  OfferStatus,
  OfferUpdateParams,
  Targeting,
};

/** A targeted loyalty offer (`ofr_…`). Its `status` is derived when read (docs/offer-engine.md). */
export interface Offer {
  id: string;
  object: 'offer';
  name: string;
  incentive: Incentive;
  targeting: Targeting;
  activation: 'auto' | 'opt_in';
  starts_at: string;
  ends_at: string | null;
  max_redemptions: number | null;
  per_member_limit: number;
  status: OfferStatus;
  redemption_count: number;
  published_at: string | null;
  paused_at: string | null;
  expired_reason: 'ends_at' | 'max_redemptions' | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

/**
 * `vinr.engagement.offers`: Offers: create a draft, publish it, pause or resume it, and activate opt-in offers for members.
 * @example
 * ```ts
 * const offer = await vinr.engagement.offers.create({
 *   name: 'Double points weekend',
 *   incentive: { type: 'points_multiplier', multiplier: 2 },
 * });
 * await vinr.engagement.offers.publish(offer.id);
 * ```
 */
export class Offers extends APIResource {
  /**
   * Creates an offer as a draft.
   * @example
   * ```ts
   * const offer = await vinr.engagement.offers.create({
   *   name: 'Win-back weekend: 2x points',
   *   incentive: { type: 'points_multiplier', multiplier: 2 },
   *   targeting: { segments: ['lapsed_90d'] },
   *   starts_at: '2026-06-06T00:00:00Z',
   *   ends_at: '2026-06-08T23:59:59Z',
   * });
   * ```
   */
  create(params: OfferCreateParams, options?: RequestOptions): APIPromise<Offer> {
    return this._call(async () => {
      const body = await this._client.validate<OfferCreateParams>('offerCreate', params);
      return this._client.requestWithResponse({ method: 'POST', path: '/engagement/offers', body }, options);
    });
  }

  /**
   * Retrieves an offer by id.
   * @example
   * ```ts
   * const offer = await vinr.engagement.offers.retrieve('ofr_123');
   * console.log(offer.status, offer.redemption_count);
   * ```
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<Offer> {
    return this._call(() => {
      return this._client.requestWithResponse({ method: 'GET', path: path`/engagement/offers/${id}` }, options);
    });
  }

  /**
   * Updates an offer. Once published, only `name` and `metadata` may change.
   * @example
   * ```ts
   * await vinr.engagement.offers.update('ofr_123', { name: 'Spring double points' });
   * ```
   */
  update(id: string, params: OfferUpdateParams, options?: RequestOptions): APIPromise<Offer> {
    return this._call(async () => {
      const p = path`/engagement/offers/${id}`;
      const body = await this._client.validate<OfferUpdateParams>('offerUpdate', params);
      return this._client.requestWithResponse({ method: 'PATCH', path: p, body }, options);
    });
  }

  /**
   * Lists offers, newest first.
   * @example
   * ```ts
   * for await (const offer of vinr.engagement.offers.list({ status: 'active' })) console.log(offer.name);
   * ```
   */
  list(params?: OfferListParams, options?: RequestOptions): PagePromise<Offer> {
    return this._list<Offer>('/engagement/offers', 'offerList', params, options);
  }

  /**
   * Publishes a draft: it becomes active at `starts_at`. Publishing twice is a 409 `invalid_state_transition`.
   * @example
   * ```ts
   * await vinr.engagement.offers.publish(offer.id);
   * ```
   */
  publish(id: string, options?: RequestOptions): APIPromise<Offer> {
    return this._call(() => {
      return this._client.requestWithResponse(
        { method: 'POST', path: path`/engagement/offers/${id}/publish` },
        options,
      );
    });
  }

  /**
   * Pauses an active or scheduled offer.
   * @example
   * ```ts
   * await vinr.engagement.offers.pause(offer.id);
   * ```
   */
  pause(id: string, options?: RequestOptions): APIPromise<Offer> {
    return this._call(() => {
      return this._client.requestWithResponse({ method: 'POST', path: path`/engagement/offers/${id}/pause` }, options);
    });
  }

  /**
   * Resumes a paused offer.
   * @example
   * ```ts
   * await vinr.engagement.offers.resume(offer.id);
   * ```
   */
  resume(id: string, options?: RequestOptions): APIPromise<Offer> {
    return this._call(() => {
      return this._client.requestWithResponse({ method: 'POST', path: path`/engagement/offers/${id}/resume` }, options);
    });
  }

  /**
   * Opts a member into an `opt_in` offer. For `points_bonus` and `gift_reward` this redeems at once.
   * Refusals are typed: `OfferLimitReachedError` (with `limit`), `OfferNotEligibleError` (with `failedConditions`).
   * @example
   * ```ts
   * const activation = await vinr.engagement.offers.activate({ offer: 'ofr_123', account: 'loy_456' });
   * console.log(activation.status, activation.redemption?.points_transaction?.points);
   * ```
   */
  activate(params: OfferActivateParams, options?: RequestOptions): APIPromise<OfferActivation> {
    return this._call(async () => {
      const { offer, account } = await this._client.validate<OfferActivateParams>('offerActivate', params);
      const p = path`/engagement/offers/${offer}/activations`;
      return this._client.requestWithResponse({ method: 'POST', path: p, body: { account } }, options);
    });
  }
}
