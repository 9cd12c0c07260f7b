import { evaluate } from './eligibility.js';
import { type EngineState, observeNow } from './engine-state.js';
import { baseEarn, isOneOff, worthOf } from './incentives.js';
import { findAccount } from './lookup.js';
import { type AppliedOffer, businessTime, commitPayment, findPayment, paymentConflict } from './payments.js';
import type { AccountRecord, OfferRecord } from './records.js';
import { type EngagementEvent, engagementJson } from './serialize.js';

/** Offers apply in order of `starts_at`, then creation order (never id order). */
const byApplicationOrder = (a: OfferRecord, b: OfferRecord): number => a.startsAt - b.startsAt || a.seq - b.seq;

/** What a purchase earns and which offers it applies, before anything is written. */
export interface PurchaseQuote {
  base: number;
  applied: AppliedOffer[];
  discount: number;
}

/**
 * Prices a purchase of `amount` by `account` that occurred at `at`: the base earn, then every
 * matching offer — auto offers the member is eligible for, opt-in ones only with an open activation —
 * each worth computed from the original amount and base points. Shared by `payment.completed` and
 * checkout quotes, so a quote is exactly what tracking the same purchase would do. Writes nothing.
 */
export function quotePurchase(
  state: EngineState,
  account: AccountRecord,
  amount: number,
  time: { now: number; at: number },
): PurchaseQuote {
  const { store } = state;
  if (account.status !== 'active') return { base: 0, applied: [], discount: 0 };
  const base = baseEarn(amount, state.earnRate);
  const applied: AppliedOffer[] = [];
  let discount = 0;
  const check = { ...time, balance: account.balance };
  const candidates = store.offers.rows.filter((o) => o.publishedAt !== null).sort(byApplicationOrder);
  for (const offer of candidates) {
    // Opted-in one-off offers redeemed at activation; the others need an open activation.
    if (
      offer.activationMode === 'opt_in' &&
      (isOneOff(offer.incentive) || !store.openActivation(offer.id, account.id))
    ) {
      continue;
    }
    if (evaluate(store, offer, account, check).reasons.length > 0) continue;
    const worth = worthOf(offer.incentive, amount, base, amount - discount);
    if (!worth) continue;
    applied.push({ offer, worth });
    discount += worth.discount ?? 0;
  }
  return { base, applied, discount };
}

/** The parameters of a `payment.completed` event. */
export interface PaymentCompletedParams {
  type: 'payment.completed';
  account: string;
  payment_id: string;
  amount: number;
  currency: string;
  occurred_at?: string | undefined;
}

/**
 * `payment.completed`: base earn, then every matching offer, in one synchronous step. Never fails
 * because an offer could not apply. A replayed `payment_id` returns the original result and emits
 * nothing; the same id with another account, amount or currency, or one a checkout used, is 409.
 */
export function trackPayment(state: EngineState, params: PaymentCompletedParams): EngagementEvent {
  const { store } = state;
  const now = observeNow(state);
  const at = businessTime(params.occurred_at, now);
  const currency = params.currency.toLowerCase();
  const prior = findPayment(state, params.payment_id);
  // Judged before the account lookup: a used payment_id reported for any other account, even an
  // unknown one, is a conflict.
  if (prior) {
    if (prior.checkout !== null) {
      throw paymentConflict(prior, `payment_id '${params.payment_id}' completed checkout ${prior.checkout}.`);
    }
    if (prior.account !== params.account || prior.amount !== params.amount || prior.currency !== currency) {
      throw paymentConflict(prior, `payment_id '${params.payment_id}' was tracked with other details.`);
    }
    return engagementJson(store, prior);
  }
  const account = findAccount(state, params.account, 'account');
  const quote = quotePurchase(state, account, params.amount, { now, at });
  const record = commitPayment(state, {
    account,
    paymentId: params.payment_id,
    amount: params.amount,
    currency,
    occurredAt: at,
    base: quote.base,
    applied: quote.applied,
    checkout: null,
  });
  return engagementJson(store, record);
}
