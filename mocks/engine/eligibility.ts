import { conflict, EngineError, limitReached } from './errors.js';
import { isOneOff } from './incentives.js';
import { deriveStatus, expiryOf } from './offer-status.js';
import type { AccountRecord, OfferRecord } from './records.js';
import type { Store } from './store.js';
import { failedConditions, type TargetingCondition } from './targeting.js';

/**
 * THE eligibility check: whether a member may use an offer now. Activation, purchases, checkout
 * quotes, late checkout completion and `checkEligibility` all call it, so their answers cannot drift
 * apart. It reads only; committing is the caller's next synchronous statement (no `await` between),
 * so no interleaving of requests can overshoot a limit.
 *
 * This is also the one place where `per_member_limit` and `max_redemptions` are enforced: a slot is
 * taken by a committed redemption or by an open checkout's reservation.
 */

/** Why a member may not use an offer, in reporting order. */
export type Reason = 'offer_not_active' | 'account_not_active' | 'targeting' | 'per_member_limit' | 'max_redemptions';

export interface Verdict {
  /** Every failing check, each once, in {@link Reason} order; empty = eligible. */
  reasons: Reason[];
  /** The failing targeting keys (empty unless `targeting` is a reason). */
  failedConditions: TargetingCondition[];
  /** Why the offer itself refuses (`offer_not_active`); made into an error only when an activation needs one. */
  stateRefusal: StateRefusal | undefined;
}

/** The offer's own refusal: not published or paused (`offer_not_active`), or a limit (expired by cap, window). */
type StateRefusal = { status: 'draft' | 'paused' } | { limit: 'max_redemptions' | 'time_window' };

/** When the check is made: `now` judges the offer's state, `at` (a purchase's `occurred_at`) its window. */
export interface CheckTime {
  now: number;
  at: number;
  /** The balance `min_balance` is compared with: the one before the purchase's own points. */
  balance: number;
}

const stateError = (refusal: StateRefusal): EngineError =>
  'status' in refusal
    ? conflict('offer_not_active', `This offer is ${refusal.status === 'draft' ? 'not published' : 'paused'}.`, {
        status: refusal.status,
      })
    : limitReached(refusal.limit);

/**
 * What stops the offer itself (published, paused, expired, window) from serving business time `at`,
 * judged on its state `now`. An offer expired by `ends_at` still serves a purchase that occurred
 * inside its window; one expired by its cap serves nobody.
 */
function offerStateRefusal(offer: OfferRecord, now: number, at: number): StateRefusal | undefined {
  if (offer.publishedAt === null) return { status: 'draft' };
  const expired = expiryOf(offer, now);
  if (expired === 'max_redemptions') return { limit: 'max_redemptions' };
  if (offer.endsAt !== null && at >= offer.endsAt) return { limit: 'time_window' };
  // Only when a test moved the clock back after the expiry was announced: expired stays final.
  if (expired === 'ends_at' && offer.endsAt !== null && now < offer.endsAt) return { limit: 'time_window' };
  if (offer.pausedAt !== null) return { status: 'paused' };
  if (at < offer.startsAt) return { limit: 'time_window' };
  return undefined;
}

/** An automatic bonus or gift applies on the member's first qualifying purchase only. */
const firstPurchaseOnly = (offer: OfferRecord): boolean => offer.activationMode === 'auto' && isOneOff(offer.incentive);

/** The most redemptions one member may make of the offer. */
const memberCap = (offer: OfferRecord): number => (firstPurchaseOnly(offer) ? 1 : offer.perMemberLimit);

/** Slots of the offer the member has taken: committed redemptions plus reservations of open checkouts. */
export const memberSlotsTaken = (store: Store, offer: OfferRecord, account: string): number =>
  store.count(store.used, offer.id, account) + store.count(store.reserved, offer.id, account);

/**
 * The limit reasons alone (`per_member_limit`, `max_redemptions`): whether one more slot can be
 * taken. Late completion of an expired checkout asks only this.
 */
export function slotReasons(store: Store, offer: OfferRecord, account: string): Reason[] {
  const reasons: Reason[] = [];
  if (memberSlotsTaken(store, offer, account) >= memberCap(offer)) reasons.push('per_member_limit');
  if (offer.maxRedemptions !== null && offer.redemptionCount + offer.reservedCount >= offer.maxRedemptions) {
    reasons.push('max_redemptions');
  }
  return reasons;
}

/** Runs every check of a member against an offer. Writes nothing. */
export function evaluate(store: Store, offer: OfferRecord, account: AccountRecord, time: CheckTime): Verdict {
  const reasons: Reason[] = [];
  const stateRefusal = offerStateRefusal(offer, time.now, time.at);
  if (stateRefusal) reasons.push('offer_not_active');
  if (account.status !== 'active') reasons.push('account_not_active');
  const failed = failedConditions(account, offer.targeting, time.balance);
  if (failed.length > 0) reasons.push('targeting');
  for (const reason of slotReasons(store, offer, account.id)) reasons.push(reason);
  return { reasons, failedConditions: failed, stateRefusal };
}

/** The refusal of a failed check: the error of its first reason (undefined when eligible). */
export function refusalOf(verdict: Verdict, account: AccountRecord): EngineError | undefined {
  switch (verdict.reasons[0]) {
    case undefined:
      return undefined;
    case 'offer_not_active':
      return verdict.stateRefusal && stateError(verdict.stateRefusal);
    case 'account_not_active':
      return new EngineError('account_not_active', `This loyalty account is ${account.status}.`, {
        param: 'account',
        details: { status: account.status },
      });
    case 'targeting': {
      const failed = verdict.failedConditions;
      return new EngineError('offer_not_eligible', `This member does not meet the offer's ${failed.join(', ')}.`, {
        param: 'account',
        details: { failed_conditions: failed },
      });
    }
    case 'per_member_limit':
      return limitReached('per_member_limit');
    case 'max_redemptions':
      return limitReached('max_redemptions');
  }
}

/** Slots left: of the offer (null without a cap; 0 once expired) and of the member. Never below 0. */
export function remainingSlots(
  store: Store,
  offer: OfferRecord,
  account: string,
  now: number,
): { offer: number | null; member: number } {
  const taken = memberSlotsTaken(store, offer, account);
  const member = firstPurchaseOnly(offer) && taken > 0 ? 0 : offer.perMemberLimit - taken;
  let left: number | null = null;
  if (offer.maxRedemptions !== null) {
    left =
      deriveStatus(offer, now).status === 'expired'
        ? 0
        : offer.maxRedemptions - offer.redemptionCount - offer.reservedCount;
  }
  return { offer: left === null ? null : Math.max(0, left), member: Math.max(0, member) };
}
