import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { OfferCheckEligibilityParams } from '../schemas/checkouts.js';
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
  OfferCheckEligibilityParams,
  OfferCreateParams,
  OfferListParams,
  OfferStatus,
  OfferUpdateParams,
  Targeting,
};

/** A targeted loyalty offer (`ofr_…`). Its `status` is derived when read (docs/offers.md, "Statuses"). */
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
  /** Committed, not reversed redemptions. */
  redemption_count: number;
  /** Slots held by open checkouts (they count against `max_redemptions` like redemptions). */
  reserved_count: number;
  published_at: string | null;
  paused_at: string | null;
  expired_reason: 'ends_at' | 'max_redemptions' | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

/** Why a member may not use an offer now, in this order. */
export type EligibilityReason =
  | 'offer_not_active'
  | 'account_not_active'
  | 'targeting'
  | 'per_member_limit'
  | 'max_redemptions';

/** Whether a member may use an offer now, and why not (`offers.checkEligibility`). */
export interface OfferEligibility {
  object: 'offer_eligibility';
  offer: string;
  account: string;
  /** True exactly when `reasons` is empty. */
  eligible: boolean;
  /** True when the offer is `opt_in` and the member has no `active` activation of it. */
  requires_activation: boolean;
  /** Every check that fails now, each once. */
  reasons: EligibilityReason[];
  /** The failing targeting keys (empty unless `reasons` includes `targeting`). */
  failed_conditions: Array<'segments' | 'tiers' | 'min_balance' | 'enrolled_before' | 'metadata'>;
  /** Slots left: of the offer (`null` without a cap) and of this member. Reserved slots count as used. */
  remaining: { offer: number | null; member: number };
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
  async create(params: OfferCreateParams, options?: RequestOptions): Promise<Offer> {
    const body = await this._client.validate<OfferCreateParams>('offerCreate', params);
    return this._client.request({ method: 'POST', path: '/engagement/offers', body }, options);
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
    return this._client.request({ method: 'GET', path: path`/engagement/offers/${id}` }, options);
  }

  /**
   * Updates an offer. Once published, only `name` and `metadata` may change.
   * @example
   * ```ts
   * await vinr.engagement.offers.update('ofr_123', { name: 'Spring double points' });
   * ```
   */
  async update(id: string, params: OfferUpdateParams, options?: RequestOptions): Promise<Offer> {
    const p = path`/engagement/offers/${id}`;
    const body = await this._client.validate<OfferUpdateParams>('offerUpdate', params);
    return this._client.request({ method: 'PATCH', path: p, body }, options);
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
    return this._list<Offer>('/engagement/offers', 'offerList', params, options);
  }

  /**
   * Publishes a draft: it becomes active at `starts_at`. Publishing twice is a 409 `invalid_state_transition`.
   * @example
   * ```ts
   * await vinr.engagement.offers.publish(offer.id);
   * ```
   */
  async publish(id: string, options?: RequestOptions): Promise<Offer> {
    return this._client.request({ method: 'POST', path: path`/engagement/offers/${id}/publish` }, options);
  }

  /**
   * Pauses an active or scheduled offer.
   * @example
   * ```ts
   * await vinr.engagement.offers.pause(offer.id);
   * ```
   */
  async pause(id: string, options?: RequestOptions): Promise<Offer> {
    return this._client.request({ method: 'POST', path: path`/engagement/offers/${id}/pause` }, options);
  }

  /**
   * Resumes a paused offer.
   * @example
   * ```ts
   * await vinr.engagement.offers.resume(offer.id);
   * ```
   */
  async resume(id: string, options?: RequestOptions): Promise<Offer> {
    return this._client.request({ method: 'POST', path: path`/engagement/offers/${id}/resume` }, options);
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
    const { offer, account } = await this._client.validate<OfferCheckEligibilityParams>(
      'offerCheckEligibility',
      params,
    );
    const p = path`/engagement/offers/${offer}/eligibility`;
    return this._client.request({ method: 'GET', path: p, query: { account } }, options);
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
    const { offer, account } = await this._client.validate<OfferActivateParams>('offerActivate', params);
    const p = path`/engagement/offers/${offer}/activations`;
    return this._client.request({ method: 'POST', path: p, body: { account } }, options);
  }
}
