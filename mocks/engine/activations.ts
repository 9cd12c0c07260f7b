import { evaluate, refusalOf } from './eligibility.js';
import type { EngineState } from './engine-state.js';
import { observeNow } from './engine-state.js';
import { conflict } from './errors.js';
import { newId } from './ids.js';
import { isOneOff, worthOf } from './incentives.js';
import { findAccount, findOffer } from './lookup.js';
import { announceRedemption, closeActivation, commitRedemption } from './redemptions.js';
import { activationJson, type OfferActivation } from './serialize.js';
import { pairKey } from './store.js';

/** Opt-in activations: a member opts in to an `opt_in` offer. */
export class ActivationService {
  constructor(private readonly state: EngineState) {}

  /**
   * Opts a member in: refused exactly when the eligibility check has a reason, with the error of the
   * first one. One-off offers (bonus, gift) redeem at once (the activation is returned `consumed`);
   * an open activation that passes the same check is returned as is, with no new event.
   */
  activate(offerId: string, accountId: string): OfferActivation {
    const { store, events } = this.state;
    const offer = findOffer(this.state, offerId, 'offer');
    const account = findAccount(this.state, accountId, 'account');
    if (offer.activationMode !== 'opt_in') {
      throw conflict('offer_not_opt_in', 'This offer applies automatically; it cannot be activated.');
    }
    const now = observeNow(this.state);
    const refusal = refusalOf(evaluate(store, offer, account, { now, at: now, balance: account.balance }), account);
    if (refusal) throw refusal;
    const open = store.openActivation(offer.id, account.id);
    if (open) return activationJson(store, open);

    const activation = store.activations.insert({
      id: newId('ofa'),
      seq: store.nextSeq(),
      offer: offer.id,
      account: account.id,
      status: 'active',
      redemption: null,
      createdAt: now,
    });
    store.openActivations.set(pairKey(offer.id, account.id), activation.id);
    const { incentive } = offer;
    let committed: ReturnType<typeof commitRedemption> | undefined;
    if (isOneOff(incentive)) {
      // A one-off is worth the same on any purchase, or on none.
      const worth = worthOf(incentive, 0, 0, 0) ?? { points: 0, discount: null, reward: null };
      committed = commitRedemption(this.state, {
        offer,
        account,
        activation,
        paymentId: null,
        checkout: null,
        ...worth,
      });
      // Redeemed at activation: the activation is used even when per_member_limit allows more.
      closeActivation(this.state, activation);
    }
    const json = activationJson(store, activation);
    events.emit('loyalty.offer.activated', { activation: activationJson(store, activation) });
    if (committed) announceRedemption(this.state, offer, committed.redemption, committed.reachedCap);
    return json;
  }
}
