import type { EngineState } from './engine-state.js';
import { conflict, invalid } from './errors.js';
import { newId } from './ids.js';
import type { Worth } from './incentives.js';
import { writePoints } from './ledger.js';
import type { AccountRecord, EngagementRecord, OfferRecord, RedemptionRecord } from './records.js';
import { announceRedemption, commitRedemption } from './redemptions.js';

/** How far ahead of the server clock a reported `occurred_at` may be (clock skew): taken as now. */
export const MAX_CLOCK_SKEW_MS = 300_000;

/**
 * The business time of a reported event: `occurred_at`, or now when absent or ahead of the server
 * clock by up to {@link MAX_CLOCK_SKEW_MS}; further ahead is a 400.
 */
export function businessTime(occurredAt: string | undefined, now: number): number {
  if (occurredAt === undefined) return now;
  const at = Date.parse(occurredAt);
  if (at > now + MAX_CLOCK_SKEW_MS) {
    throw invalid('occurred_at', 'occurred_at cannot be more than 300 seconds in the future.');
  }
  return Math.min(at, now);
}

/** The payment recorded under `paymentId` (tracked, or made by a completed checkout). */
export function findPayment(state: EngineState, paymentId: string): EngagementRecord | undefined {
  const id = state.store.payments.get(paymentId);
  return id === undefined ? undefined : state.store.engagements.get(id);
}

/** 409 `payment_conflict`: the payment id is already used by another payment. */
export const paymentConflict = (prior: EngagementRecord, message: string) =>
  conflict('payment_conflict', message, { account: prior.account, amount: prior.amount, currency: prior.currency });

/** An offer a purchase applies, and what it is worth. */
export interface AppliedOffer {
  offer: OfferRecord;
  worth: Worth;
}

/** A payment to commit: its quote (base points and applied offers) and where it came from. */
export interface PaymentInput {
  account: AccountRecord;
  paymentId: string;
  amount: number;
  currency: string;
  occurredAt: number;
  base: number;
  applied: readonly AppliedOffer[];
  checkout: string | null;
}

/**
 * Writes a payment exactly as quoted: the base `earn` transaction, one redemption per applied offer,
 * the engagement record. Synchronous; emits `loyalty.offer.redeemed` (and any expiry) after all writes.
 */
export function commitPayment(state: EngineState, input: PaymentInput): EngagementRecord {
  const { store } = state;
  const { account, paymentId } = input;
  const pointsTxs: string[] = [];
  if (input.base > 0) {
    pointsTxs.push(writePoints(state, account, input.base, 'earn', { paymentId }).id);
  }
  const committed: Array<{ offer: OfferRecord; redemption: RedemptionRecord; reachedCap: boolean }> = [];
  let discount = 0;
  for (const { offer, worth } of input.applied) {
    const activation = offer.activationMode === 'opt_in' ? (store.openActivation(offer.id, account.id) ?? null) : null;
    const { redemption, reachedCap } = commitRedemption(state, {
      offer,
      account,
      activation,
      paymentId,
      checkout: input.checkout,
      ...worth,
    });
    if (redemption.pointsTx !== null) pointsTxs.push(redemption.pointsTx);
    discount += worth.discount ?? 0;
    committed.push({ offer, redemption, reachedCap });
  }
  const record = store.engagements.insert({
    id: newId('eng'),
    seq: store.nextSeq(),
    type: 'payment.completed',
    account: account.id,
    paymentId,
    refundId: null,
    checkout: input.checkout,
    amount: input.amount,
    currency: input.currency,
    occurredAt: input.occurredAt,
    pointsEarned: input.base,
    discountAmount: discount,
    pointsTxs,
    redemptions: committed.map((c) => c.redemption.id),
    createdAt: state.clock.ms(),
  });
  store.payments.set(paymentId, record.id);
  for (const c of committed) announceRedemption(state, c.offer, c.redemption, c.reachedCap);
  return record;
}
