import { conflict, type EngineError } from './errors.js';
import { newId } from './ids.js';
import { redemptionJson } from './serialize.js';
import { announceExpiry, type EngineState, writePoints } from './state.js';
import { expiryOf } from './status.js';
import type { AccountRecord, ActivationRecord, OfferRecord, RedemptionRecord } from './store.js';

export type LimitName = 'max_redemptions' | 'per_member_limit' | 'time_window';

const LIMIT_MESSAGES: Record<LimitName, string> = {
  max_redemptions: 'This offer has reached its max_redemptions.',
  per_member_limit: 'This member has used this offer per_member_limit times.',
  time_window: 'This offer is outside its time window.',
};

/**
 * 409 `offer_limit_reached` with `details.limit`.
 * @example
 * ```ts
 * throw limitReached('per_member_limit');
 * ```
 */
export const limitReached = (limit: LimitName): EngineError =>
  conflict('offer_limit_reached', LIMIT_MESSAGES[limit], { limit });

const notActive = (status: 'draft' | 'paused'): EngineError =>
  conflict('offer_not_active', `This offer is ${status === 'draft' ? 'not published' : 'paused'}.`, { status });

/**
 * What stops `offer` from being used at business time `at` (a purchase's `occurred_at`, or now for
 * an activation), judged on its state `now`. An offer expired by `ends_at` still serves a purchase
 * that occurred inside its window; one expired by its cap serves nobody.
 * @example
 * ```ts
 * const refusal = offerRefusal(offer, now, now);
 * if (refusal) throw refusal;
 * ```
 */
export function offerRefusal(offer: OfferRecord, now: number, at: number): EngineError | undefined {
  if (offer.publishedAt === null) return notActive('draft');
  const expired = expiryOf(offer, now);
  if (expired === 'max_redemptions') return limitReached('max_redemptions');
  if (offer.endsAt !== null && at >= offer.endsAt) return limitReached('time_window');
  // Only when a test moved the clock back after the expiry was announced: expired stays final.
  if (expired === 'ends_at' && offer.endsAt !== null && now < offer.endsAt) return limitReached('time_window');
  if (offer.pausedAt !== null) return notActive('paused');
  if (at < offer.startsAt) return limitReached('time_window');
  if (offer.maxRedemptions !== null && offer.redemptionCount >= offer.maxRedemptions) {
    return limitReached('max_redemptions');
  }
  return undefined;
}

/** What a redemption writes besides itself. */
export interface RedemptionInput {
  offer: OfferRecord;
  account: AccountRecord;
  activation: ActivationRecord | null;
  paymentId: string | null;
  points: number;
  discount: number | null;
  reward: string | null;
}

/**
 * Commits one redemption: its points, the counters, the activation's state. Callers check the
 * limits just before, in the same synchronous step (no `await` between), so nothing can overshoot.
 * Returns whether this redemption reached `max_redemptions` (the offer expires in this step).
 * @example
 * ```ts
 * const { redemption } = commitRedemption(state, { offer, account, activation: null, paymentId, points: 7, discount: null, reward: null });
 * ```
 */
export function commitRedemption(
  state: EngineState,
  input: RedemptionInput,
): { redemption: RedemptionRecord; reachedCap: boolean } {
  const { store, clock } = state;
  const { offer, account, activation } = input;
  const now = clock.ms();
  const tx = input.points > 0 ? writePoints(state, account, input.points, 'offer', offer.id, input.paymentId) : null;
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
    createdAt: now,
  });
  offer.redemptionCount += 1;
  const reachedCap = offer.maxRedemptions !== null && offer.redemptionCount === offer.maxRedemptions;
  if (reachedCap) offer.maxedAt = now;
  const used = store.countUse(offer.id, account.id);
  if (activation) {
    activation.redemption = redemption.id;
    if (used >= offer.perMemberLimit) {
      activation.status = 'consumed';
      store.setOpenActivation(undefined, offer.id, account.id);
    }
  }
  return { redemption, reachedCap };
}

/**
 * Emits `loyalty.offer.redeemed`, then `loyalty.offer.expired` when this redemption used up the cap.
 * @example
 * ```ts
 * announceRedemption(state, offer, redemption, reachedCap);
 * ```
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
