import type { Incentive, OfferCreateParams, OfferStatus, OfferUpdateParams } from '../../src/schemas/offers.js';
import { evaluate, remainingSlots } from './eligibility.js';
import { type EngineState, observeNow } from './engine-state.js';
import { EngineError, invalid, notFound } from './errors.js';
import { newId } from './ids.js';
import { isOneOff } from './incentives.js';
import { findAccount, findOffer } from './lookup.js';
import { deriveStatus } from './offer-status.js';
import { type ListPage, type ListQuery, paginate } from './pagination.js';
import type { ActivationMode, OfferRecord } from './records.js';
import { type Offer, offerJson } from './serialize.js';
import { eligibilityJson, type OfferEligibility } from './serialize-checkout.js';

/** `opt_in` for one-off incentives (bonus, gift), `auto` for the others. */
const defaultActivationMode = (incentive: Incentive): ActivationMode => (isOneOff(incentive) ? 'opt_in' : 'auto');

/** After publish only these may change. */
const EDITABLE_AFTER_PUBLISH = new Set(['name', 'metadata']);

const transition = (message: string, status: OfferStatus, param?: string): EngineError =>
  new EngineError('invalid_state_transition', message, { ...(param ? { param } : {}), details: { status } });

export interface OfferListQuery extends ListQuery {
  status?: OfferStatus | undefined;
  eligible_for?: string | undefined;
}

/** Offers: create, read, edit, the lifecycle (publish, pause, resume) and eligibility. Every method is synchronous. */
export class OfferService {
  constructor(private readonly state: EngineState) {}

  #json(offer: OfferRecord): Offer {
    return offerJson(offer, observeNow(this.state));
  }

  #checkReward(incentive: Incentive): void {
    if (incentive.type === 'gift_reward' && !this.state.store.rewards.get(incentive.reward)) {
      throw notFound('reward', incentive.reward, 'incentive.reward');
    }
  }

  /** Creates a draft. */
  create(params: OfferCreateParams): Offer {
    const { store } = this.state;
    const now = observeNow(this.state);
    const startsAt = params.starts_at === undefined ? now : Date.parse(params.starts_at);
    const endsAt = params.ends_at == null ? null : Date.parse(params.ends_at);
    if (endsAt !== null && endsAt <= startsAt) throw invalid('ends_at', 'ends_at must be after starts_at.');
    this.#checkReward(params.incentive);
    const offer = store.offers.insert({
      id: newId('ofr'),
      seq: store.nextSeq(),
      name: params.name,
      incentive: structuredClone(params.incentive),
      targeting: structuredClone(params.targeting ?? {}),
      activationMode: params.activation ?? defaultActivationMode(params.incentive),
      activationModeExplicit: params.activation !== undefined,
      startsAt,
      endsAt,
      maxRedemptions: params.max_redemptions ?? null,
      perMemberLimit: params.per_member_limit ?? 1,
      redemptionCount: 0,
      reservedCount: 0,
      publishedAt: null,
      pausedAt: null,
      maxedAt: null,
      expiryAnnounced: false,
      metadata: structuredClone(params.metadata ?? {}),
      createdAt: now,
      updatedAt: now,
    });
    return this.#json(offer);
  }

  retrieve(id: string): Offer {
    return this.#json(findOffer(this.state, id));
  }

  /** Newest first, optionally by derived status and/or eligibility of one account (both must hold). */
  list(query: OfferListQuery = {}): ListPage<Offer> {
    const { store } = this.state;
    const now = observeNow(this.state);
    const { status } = query;
    const account =
      query.eligible_for === undefined ? undefined : findAccount(this.state, query.eligible_for, 'eligible_for');
    const check = account && { now, at: now, balance: account.balance };
    return paginate(
      store.offers.rows,
      query,
      (id) => store.offers.position(id),
      (o) => offerJson(o, now),
      status === undefined && account === undefined
        ? undefined
        : (o) =>
            (status === undefined || deriveStatus(o, now).status === status) &&
            (account === undefined || evaluate(store, o, account, check!).reasons.length === 0),
    );
  }

  /** Whether `account` may use `offer` now, and why not: the very check activation and purchases run. Writes nothing. */
  checkEligibility(offerId: string, accountId: string): OfferEligibility {
    const { store } = this.state;
    const offer = findOffer(this.state, offerId, 'offer');
    const account = findAccount(this.state, accountId, 'account');
    const now = observeNow(this.state);
    const verdict = evaluate(store, offer, account, { now, at: now, balance: account.balance });
    return eligibilityJson({
      offer: offer.id,
      account: account.id,
      requiresActivation: offer.activationMode === 'opt_in' && !store.openActivation(offer.id, account.id),
      reasons: verdict.reasons,
      failedConditions: verdict.reasons.includes('targeting') ? verdict.failedConditions : [],
      remaining: remainingSlots(store, offer, account.id, now),
    });
  }

  /**
   * Edits an offer. Drafts change freely; after publish only `name` and `metadata` (anything else is
   * 409 `invalid_state_transition` naming the field). `metadata` replaces the whole map.
   */
  update(id: string, params: OfferUpdateParams): Offer {
    const offer = findOffer(this.state, id);
    const now = observeNow(this.state);
    if (offer.publishedAt !== null) {
      const locked = Object.keys(params).find((k) => !EDITABLE_AFTER_PUBLISH.has(k));
      if (locked !== undefined) {
        const status = deriveStatus(offer, now).status;
        throw transition(`Only name and metadata can change after publish, not ${locked}.`, status, locked);
      }
    }
    const startsAt = params.starts_at === undefined ? offer.startsAt : Date.parse(params.starts_at);
    const endsAt =
      params.ends_at === undefined ? offer.endsAt : params.ends_at === null ? null : Date.parse(params.ends_at);
    if (endsAt !== null && endsAt <= startsAt) throw invalid('ends_at', 'ends_at must be after starts_at.');
    if (params.incentive) this.#checkReward(params.incentive);
    // Validated in full above: from here on nothing can fail, so no partial write.
    if (params.name !== undefined) offer.name = params.name;
    if (params.metadata !== undefined) offer.metadata = structuredClone(params.metadata);
    if (params.incentive !== undefined) offer.incentive = structuredClone(params.incentive);
    if (params.targeting !== undefined) offer.targeting = structuredClone(params.targeting);
    if (params.activation !== undefined) {
      offer.activationMode = params.activation;
      offer.activationModeExplicit = true;
    } else if (!offer.activationModeExplicit) {
      offer.activationMode = defaultActivationMode(offer.incentive);
    }
    offer.startsAt = startsAt;
    offer.endsAt = endsAt;
    if (params.max_redemptions !== undefined) offer.maxRedemptions = params.max_redemptions;
    if (params.per_member_limit !== undefined) offer.perMemberLimit = params.per_member_limit;
    offer.updatedAt = now;
    return this.#json(offer);
  }

  /**
   * Publishes a draft once; it becomes active at `starts_at`. Refused (409 `invalid_state_transition`)
   * when already published or when its window has closed.
   */
  publish(id: string): Offer {
    const offer = findOffer(this.state, id);
    const now = observeNow(this.state);
    if (offer.publishedAt !== null) {
      throw transition('This offer is already published.', deriveStatus(offer, now).status);
    }
    if (offer.endsAt !== null && offer.endsAt <= now) {
      throw transition('This offer ended before it was published: its ends_at is in the past.', 'draft', 'ends_at');
    }
    offer.publishedAt = now;
    offer.updatedAt = now;
    if (offer.endsAt !== null) this.state.store.pendingExpiry.push(offer.id);
    const json = this.#json(offer);
    this.state.events.emit('loyalty.offer.published', { offer: this.#json(offer) });
    return json;
  }

  /** Pauses an active or scheduled offer. */
  pause(id: string): Offer {
    const offer = findOffer(this.state, id);
    const now = observeNow(this.state);
    const { status } = deriveStatus(offer, now);
    const scheduled = status === 'draft' && offer.publishedAt !== null;
    if (status !== 'active' && !scheduled)
      throw transition(`${status === 'expired' ? 'An expired' : `A ${status}`} offer cannot be paused.`, status);
    offer.pausedAt = now;
    offer.updatedAt = now;
    const json = this.#json(offer);
    this.state.events.emit('loyalty.offer.paused', { offer: this.#json(offer) });
    return json;
  }

  /** Resumes a paused offer. */
  resume(id: string): Offer {
    const offer = findOffer(this.state, id);
    const now = observeNow(this.state);
    const { status } = deriveStatus(offer, now);
    if (status !== 'paused') throw transition(`Only a paused offer can be resumed; this one is ${status}.`, status);
    offer.pausedAt = null;
    offer.updatedAt = now;
    const json = this.#json(offer);
    this.state.events.emit('loyalty.offer.resumed', { offer: this.#json(offer) });
    return json;
  }
}
