import type { EngineState } from './engine-state.js';
import { notFound } from './errors.js';
import { newId } from './ids.js';
import { writePoints } from './ledger.js';
import { findAccount, findOffer } from './lookup.js';
import { announceExpiry } from './offer-status.js';
import { type ListPage, type ListQuery, paginate } from './pagination.js';
import type { AccountRecord, ActivationRecord, OfferRecord, RedemptionRecord } from './records.js';
import { type OfferRedemption, redemptionJson } from './serialize.js';
import { pairKey } from './store.js';

/** What a redemption writes besides itself. */
export interface RedemptionInput {
  offer: OfferRecord;
  account: AccountRecord;
  activation: ActivationRecord | null;
  paymentId: string | null;
  checkout: string | null;
  points: number;
  discount: number | null;
  reward: string | null;
}

/**
 * Commits one redemption: its points, the counters, the activation's state. The caller ran the
 * eligibility check (or holds a reserved slot) just before, in the same synchronous step.
 * Returns whether this redemption reached `max_redemptions` (the offer expires in this step).
 */
export function commitRedemption(
  state: EngineState,
  input: RedemptionInput,
): { redemption: RedemptionRecord; reachedCap: boolean } {
  const { store, clock } = state;
  const { offer, account, activation } = input;
  const now = clock.ms();
  const tx =
    input.points > 0
      ? writePoints(state, account, input.points, 'offer', { offer: offer.id, paymentId: input.paymentId })
      : null;
  const redemption = store.redemptions.insert({
    id: newId('rdm'),
    seq: store.nextSeq(),
    offer: offer.id,
    account: account.id,
    activation: activation?.id ?? null,
    incentiveType: offer.incentive.type,
    pointsTx: tx?.id ?? null,
    discountAmount: input.discount,
    reward: input.reward,
    paymentId: input.paymentId,
    checkout: input.checkout,
    status: 'active',
    reversedAt: null,
    createdAt: now,
  });
  offer.redemptionCount += 1;
  const reachedCap = offer.maxRedemptions !== null && offer.redemptionCount === offer.maxRedemptions;
  if (reachedCap && offer.maxedAt === null) offer.maxedAt = now;
  const used = store.bump(store.used, offer.id, account.id, 1);
  if (activation) {
    activation.redemption = redemption.id;
    if (used >= offer.perMemberLimit) closeActivation(state, activation);
  }
  return { redemption, reachedCap };
}

/** An activation is `consumed` once it can serve no more redemptions; the member may then activate again. */
export function closeActivation(state: EngineState, activation: ActivationRecord): void {
  activation.status = 'consumed';
  const { store } = state;
  if (store.openActivation(activation.offer, activation.account)?.id === activation.id) {
    store.openActivations.delete(pairKey(activation.offer, activation.account));
  }
}

/**
 * Emits `loyalty.offer.redeemed`, then `loyalty.offer.expired` when this redemption used up the cap.
 */
export function announceRedemption(
  state: EngineState,
  offer: OfferRecord,
  redemption: RedemptionRecord,
  reachedCap: boolean,
): void {
  const json = redemptionJson(state.store, redemption);
  state.events.emit('loyalty.offer.redeemed', {
    offer: offer.id,
    account: redemption.account,
    redemption: json,
    points_transaction: json.points_transaction,
    discount_amount: json.discount_amount,
    reward: json.reward,
  });
  if (reachedCap) announceExpiry(state, offer);
}

/**
 * Reverses a redemption (its payment was refunded in full): it stops counting toward
 * `per_member_limit` and `max_redemptions`. An offer already expired stays expired.
 */
export function reverseRedemption(state: EngineState, redemption: RedemptionRecord): void {
  const { store } = state;
  redemption.status = 'reversed';
  redemption.reversedAt = state.clock.ms();
  const offer = store.offers.get(redemption.offer);
  if (offer) offer.redemptionCount -= 1;
  store.bump(store.used, redemption.offer, redemption.account, -1);
}

export interface RedemptionListQuery extends ListQuery {
  offer?: string | undefined;
  account?: string | undefined;
}

/** The redemption log: `vinr.engagement.redemptions`. */
export class RedemptionService {
  constructor(private readonly state: EngineState) {}

  retrieve(id: string): OfferRedemption {
    const r = this.state.store.redemptions.get(id);
    if (!r) throw notFound('redemption', id, 'id');
    return redemptionJson(this.state.store, r);
  }

  /** Newest first, by offer and/or account (each must exist). */
  list(query: RedemptionListQuery = {}): ListPage<OfferRedemption> {
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
