import { type EngineState, observeNow } from './engine-state.js';
import { conflict, notFound } from './errors.js';
import { newId } from './ids.js';
import { writePoints } from './ledger.js';
import { businessTime, findPayment, paymentConflict } from './payments.js';
import type { EngagementRecord, PointsTxRecord, RedemptionRecord, RefundProgress } from './records.js';
import { reverseRedemption } from './redemptions.js';
import { type EngagementEvent, engagementJson, pointsTxJson, redemptionJson } from './serialize.js';

/** The parameters of a `payment.refunded` event. */
export interface PaymentRefundedParams {
  type: 'payment.refunded';
  account: string;
  payment_id: string;
  refund_id: string;
  amount?: number | undefined;
  occurred_at?: string | undefined;
}

/** What a payment charged: its amount less its discounts (a checkout's `amount_due`). */
const chargedOf = (payment: EngagementRecord): number => payment.amount - payment.discountAmount;

const refundExceeds = (refundable: number, asked: number | undefined): Error =>
  conflict(
    'refund_exceeds_payment',
    asked === undefined
      ? 'This payment has nothing left to refund.'
      : `This refund of ${asked} exceeds what is left to refund of the payment (${refundable}).`,
    { refundable },
  );

/**
 * Points reversed of a transaction of `points` once `refunded` of `charged` is refunded:
 * `floor(points × refunded / charged)` in exact integer arithmetic; a full refund reverses it all.
 */
export function reversedShare(points: number, refunded: number, charged: number, full: boolean): number {
  if (full) return points;
  return Number((BigInt(points) * BigInt(refunded)) / BigInt(charged));
}

/**
 * `payment.refunded`: reverses the payment's points in proportion to what was refunded, and on a full
 * refund its redemptions (their slots are released). Validated in full before anything is written;
 * replay-safe per `refund_id`.
 */
export function refundPayment(state: EngineState, params: PaymentRefundedParams): EngagementEvent {
  const { store } = state;
  const now = observeNow(state);
  const at = businessTime(params.occurred_at, now);
  const priorId = store.refunds.get(params.refund_id);
  const prior = priorId === undefined ? undefined : store.engagements.get(priorId);
  if (prior) {
    const same =
      prior.account === params.account &&
      prior.paymentId === params.payment_id &&
      (params.amount === undefined || params.amount === prior.amount);
    if (!same) throw paymentConflict(prior, `refund_id '${params.refund_id}' was tracked with other details.`);
    return engagementJson(store, prior);
  }
  const payment = findPayment(state, params.payment_id);
  const account = payment?.account === params.account ? store.accounts.get(payment.account) : undefined;
  if (!payment || !account) throw notFound('payment for this account', params.payment_id, 'payment_id');

  const charged = chargedOf(payment);
  const progress: RefundProgress = store.refundProgress.get(payment.paymentId) ?? {
    refunded: 0,
    full: false,
    reversed: {},
  };
  const refundable = progress.full ? 0 : charged - progress.refunded;
  if (progress.full || (params.amount !== undefined && params.amount > refundable)) {
    throw refundExceeds(refundable, params.amount);
  }
  const amount = params.amount ?? refundable;
  const refunded = progress.refunded + amount;
  const full = refunded >= charged;

  // From here on nothing can fail: every write of the refund happens in this synchronous block.
  const reversals: PointsTxRecord[] = [];
  let earnReversed = 0;
  for (const txId of payment.pointsTxs) {
    const tx = store.pointsTxs.get(txId);
    if (!tx) continue;
    const target = reversedShare(tx.points, refunded, charged, full);
    const diff = target - (progress.reversed[txId] ?? 0);
    progress.reversed[txId] = target;
    if (diff <= 0) continue;
    reversals.push(
      writePoints(state, account, -diff, 'reversal', {
        offer: tx.offer,
        paymentId: payment.paymentId,
        refundId: params.refund_id,
      }),
    );
    if (tx.type === 'earn') earnReversed = diff;
  }
  const reversed: RedemptionRecord[] = [];
  if (full) {
    for (const id of payment.redemptions) {
      const redemption = store.redemptions.get(id);
      if (redemption?.status !== 'active') continue;
      reverseRedemption(state, redemption);
      reversed.push(redemption);
    }
  }
  progress.refunded = refunded;
  progress.full = full;
  store.refundProgress.set(payment.paymentId, progress);
  const record = store.engagements.insert({
    id: newId('eng'),
    seq: store.nextSeq(),
    type: 'payment.refunded',
    account: account.id,
    paymentId: payment.paymentId,
    refundId: params.refund_id,
    checkout: payment.checkout,
    amount,
    currency: payment.currency,
    occurredAt: at,
    pointsEarned: earnReversed === 0 ? 0 : -earnReversed,
    discountAmount: 0,
    pointsTxs: reversals.map((t) => t.id),
    redemptions: reversed.map((r) => r.id),
    createdAt: now,
  });
  store.refunds.set(params.refund_id, record.id);

  // Ledger events first, in ledger order, so a balance kept from webhooks is exact at every step.
  for (const tx of reversals) {
    state.events.emit('loyalty.points.reversed', {
      account: account.id,
      points_transaction: pointsTxJson(tx),
      refund_id: params.refund_id,
    });
  }
  for (const redemption of reversed) {
    state.events.emit('loyalty.offer.redemption_reversed', {
      offer: redemption.offer,
      account: redemption.account,
      redemption: redemptionJson(store, redemption),
      refund_id: params.refund_id,
    });
  }
  return engagementJson(store, record);
}
