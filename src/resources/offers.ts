import { offerOperations as ops } from '../api/operations/offers.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import { validate } from '../core/validate.js';
import type { OfferCheckEligibilityParams } from '../schemas/checkouts.js';
import type { EligibilityReason, Offer, OfferActivation, OfferEligibility } from '../schemas/objects/index.js';
import type {
  Incentive,
  OfferActivateParams,
  OfferCreateParams,
  OfferListParams,
  OfferStatus,
  OfferUpdateParams,
  Targeting,
} from '../schemas/offers.js';
import { APIResource } from './resource.js';

export type {
  EligibilityReason,
  Incentive,
  Offer,
  OfferActivateParams,
  OfferCheckEligibilityParams,
  OfferCreateParams,
  OfferEligibility,
  OfferListParams,
  OfferStatus,
  OfferUpdateParams,
  Targeting,
};

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
  async create(params: OfferCreateParams, options?: RequestOptions): Promise<Offer> {
    return this._request(ops['offers.create'], [], params, options);
  }

  /**
   * Retrieves an offer by id.
   * @example
   * ```ts
   * const offer = await vinr.engagement.offers.retrieve('ofr_123');
   * console.log(offer.status, offer.redemption_count);
   * ```
   */
  async retrieve(id: string, options?: RequestOptions): Promise<Offer> {
    return this._request(ops['offers.retrieve'], [id], undefined, options);
  }

  /**
   * Updates an offer. Once published, only `name` and `metadata` may change.
   * @example
   * ```ts
   * await vinr.engagement.offers.update('ofr_123', { name: 'Spring double points' });
   * ```
   */
  async update(id: string, params: OfferUpdateParams, options?: RequestOptions): Promise<Offer> {
    return this._request(ops['offers.update'], [id], params, options);
  }

  /**
   * Lists offers, newest first. `eligible_for: 'loy_…'` keeps only the offers that member may use now.
   * @example
   * ```ts
   * for await (const offer of vinr.engagement.offers.list({ status: 'active' })) console.log(offer.name);
   * const usable = await vinr.engagement.offers.list({ eligible_for: 'loy_456' });
   * ```
   */
  list(params?: OfferListParams, options?: RequestOptions): PagePromise<Offer> {
    return this._list<Offer>(ops['offers.list'], params, options);
  }

  /**
   * Publishes a draft: it becomes active at `starts_at`. Publishing twice is a 409 `invalid_state_transition`.
   * @example
   * ```ts
   * await vinr.engagement.offers.publish(offer.id);
   * ```
   */
  async publish(id: string, options?: RequestOptions): Promise<Offer> {
    return this._request(ops['offers.publish'], [id], undefined, options);
  }

  /**
   * Pauses an active or scheduled offer.
   * @example
   * ```ts
   * await vinr.engagement.offers.pause(offer.id);
   * ```
   */
  async pause(id: string, options?: RequestOptions): Promise<Offer> {
    return this._request(ops['offers.pause'], [id], undefined, options);
  }

  /**
   * Resumes a paused offer.
   * @example
   * ```ts
   * await vinr.engagement.offers.resume(offer.id);
   * ```
   */
  async resume(id: string, options?: RequestOptions): Promise<Offer> {
    return this._request(ops['offers.resume'], [id], undefined, options);
  }

  /**
   * Whether a member may use an offer now, and every reason why not. The same check as activation,
   * purchases and checkouts; writes nothing and uses no limit.
   * @example
   * ```ts
   * const check = await vinr.engagement.offers.checkEligibility({ offer: 'ofr_123', account: 'loy_456' });
   * if (!check.eligible) console.log(check.reasons, check.failed_conditions);
   * ```
   */
  async checkEligibility(params: OfferCheckEligibilityParams, options?: RequestOptions): Promise<OfferEligibility> {
    // The SDK takes `{ offer, account }`; on the wire the offer is the path and the account the query.
    const { offer, account } = await validate<OfferCheckEligibilityParams>('offerCheckEligibility', params);
    return this._request(ops['offers.checkEligibility'], [offer], { account }, options);
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
  async activate(params: OfferActivateParams, options?: RequestOptions): Promise<OfferActivation> {
    // The SDK takes `{ offer, account }`; on the wire the offer is the path and the account the body.
    const { offer, account } = await validate<OfferActivateParams>('offerActivate', params);
    return this._request(ops['offers.activate'], [offer], { account }, options);
  }
}
