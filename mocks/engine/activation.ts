import { conflict, EngineError, notFound } from './errors.js';
import { newId } from './ids.js';
import { announceRedemption, commitRedemption, limitReached, offerRefusal } from './limits.js';
import { type ListPage, type ListQuery, paginate } from './pagination.js';
import { activationJson, type OfferActivation, type OfferRedemption, redemptionJson } from './serialize.js';
import { type EngineState, findAccount, findOffer } from './state.js';
import type { AccountRecord, OfferRecord } from './store.js';
import { failedConditions } from './targeting.js';

/**
 * 422 `account_not_active` when the account cannot take part in offers, else 422 `offer_not_eligible`
 * listing every failing condition.
 * @example
 * ```ts
 * assertEligible(offer, account); // throws for a silver member of a gold-only offer
 * ```
 */
export function assertEligible(offer: OfferRecord, account: AccountRecord): void {
  if (account.status !== 'active') {
    throw new EngineError('account_not_active', `This loyalty account is ${account.status}.`, {
      param: 'account',
      details: { status: account.status },
    });
  }
  const failed = failedConditions(account, offer.targeting, account.balance);
  if (failed.length > 0) {
    throw new EngineError('offer_not_eligible', `This member does not meet the offer's ${failed.join(', ')}.`, {
      param: 'account',
      details: { failed_conditions: failed },
    });
  }
}

export interface RedemptionListQuery extends ListQuery {
  offer?: string | undefined;
  account?: string | undefined;
}

/**
 * Opt-in activations and the redemption log.
 * @example
 * ```ts
 * const activation = engine.activations.activate('ofr_1', 'loy_1');
 * ```
 */
export class ActivationService {
  constructor(private readonly state: EngineState) {}

  /**
   * Opts a member in. Checks, then commits, in one synchronous step: state, window, account status,
   * targeting, `per_member_limit`. Bonus and gift offers redeem at once (the activation is returned
   * `consumed`); an open activation that passes the same checks is returned as is, with no new event.
   * @example
   * ```ts
   * activations.activate('ofr_1', 'loy_1').redemption?.points_transaction?.points; // 1000
   * ```
   */
  activate(offerId: string, accountId: string): OfferActivation {
    const { store, clock, events } = this.state;
    const offer = findOffer(this.state, offerId, 'offer');
    const account = findAccount(this.state, accountId, 'account');
    if (offer.activation !== 'opt_in') {
      throw conflict('offer_not_opt_in', 'This offer applies automatically; it cannot be activated.');
    }
    const now = clock.ms();
    const refusal = offerRefusal(offer, now, now);
    if (refusal) throw refusal;
    assertEligible(offer, account);
    // Checked first (an existing activation is returned only when a new one would be allowed): an open activation of a paused or expired offer, or of a member who no
    // longer qualifies, is no promise the member can use, so it is refused like a first activation.
    const open = store.openActivation(offer.id, account.id);
    if (open) return activationJson(store, open);
    if (store.usedBy(offer.id, account.id) >= offer.perMemberLimit) throw limitReached('per_member_limit');

    const activation = store.activations.insert({
      id: newId('ofa'),
      seq: store.nextSeq(),
      offer: offer.id,
      account: account.id,
      status: 'active',
      redemption: null,
      createdAt: now,
    });
    store.setOpenActivation(activation, offer.id, account.id);
    const { incentive } = offer;
    let committed: ReturnType<typeof commitRedemption> | undefined;
    if (incentive.type === 'points_bonus' || incentive.type === 'gift_reward') {
      committed = commitRedemption(this.state, {
        offer,
        account,
        activation,
        paymentId: null,
        points: incentive.type === 'points_bonus' ? incentive.points : 0,
        discount: null,
        reward: incentive.type === 'gift_reward' ? incentive.reward : null,
      });
      // Redeemed at activation: the activation is used even when per_member_limit allows more.
      activation.status = 'consumed';
      store.setOpenActivation(undefined, offer.id, account.id);
    }
    const json = activationJson(store, activation);
    events.emit('loyalty.offer.activated', { activation: activationJson(store, activation) });
    if (committed) announceRedemption(this.state, offer, committed.redemption, committed.reachedCap);
    return json;
  }

  /** @example activations.redemption('rdm_1') */
  redemption(id: string): OfferRedemption {
    const r = this.state.store.redemptions.get(id);
    if (!r) throw notFound('redemption', id, 'id');
    return redemptionJson(this.state.store, r);
  }

  /** Newest first, by offer and/or account (each must exist). @example activations.redemptions({ offer: 'ofr_1' }) */
  redemptions(query: RedemptionListQuery = {}): ListPage<OfferRedemption> {
    const { store } = this.state;
    const offer = query.offer === undefined ? undefined : findOffer(this.state, query.offer, 'offer').id;
    const account = query.account === undefined ? undefined : findAccount(this.state, query.account, 'account').id;
    return paginate(
      store.redemptions.rows,
      query,
      (id) => store.redemptions.position(id),
      (r) => redemptionJson(store, r),
      offer === undefined && account === undefined
        ? undefined
        : (r) => (offer === undefined || r.offer === offer) && (account === undefined || r.account === account),
    );
  }
}
