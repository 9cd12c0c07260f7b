/** Checkout, checkout preview and offer eligibility records → their JSON objects. */
import type { Checkout, CheckoutApplied, CheckoutPreview } from '../../src/resources/checkouts.js';
import type { OfferEligibility } from '../../src/resources/offers.js';
import { checkoutStatus } from './checkouts.js';
import type { Reason } from './eligibility.js';
import type { AppliedRecord, CheckoutRecord } from './records.js';
import { engagementJson } from './serialize.js';
import type { Store } from './store.js';
import type { TargetingCondition } from './targeting.js';

export type { Checkout, CheckoutPreview, OfferEligibility };

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

const appliedJson = (a: AppliedRecord): CheckoutApplied => ({
  offer: a.offer,
  incentive_type: a.incentiveType,
  discount_amount: a.discount,
  points: a.points,
  reward: a.reward,
});

const pointsPreview = (base: number, applied: readonly AppliedRecord[]): number =>
  applied.reduce((sum, a) => sum + (a.points ?? 0), base);

/** A checkout as read at `now` (an open one past `expires_at` reads `expired`). */
export function checkoutJson(store: Store, c: CheckoutRecord, now: number): Checkout {
  const engagement = c.engagement === null ? undefined : store.engagements.get(c.engagement);
  return {
    id: c.id,
    object: 'checkout',
    account: c.account,
    amount: c.amount,
    currency: c.currency,
    status: checkoutStatus(c, now),
    discount_amount: c.discountAmount,
    amount_due: c.amount - c.discountAmount,
    points_preview: pointsPreview(c.basePoints, c.applied),
    applied: c.applied.map(appliedJson),
    expires_at: iso(c.expiresAt),
    payment_id: c.paymentId,
    engagement_event: engagement ? engagementJson(store, engagement) : null,
    metadata: structuredClone(c.metadata),
    created_at: iso(c.createdAt),
    completed_at: isoOrNull(c.completedAt),
    canceled_at: isoOrNull(c.canceledAt),
  };
}

/** A quote that holds nothing. */
export function previewJson(q: {
  account: string;
  amount: number;
  currency: string;
  base: number;
  discount: number;
  applied: AppliedRecord[];
}): CheckoutPreview {
  return {
    object: 'checkout_preview',
    account: q.account,
    amount: q.amount,
    currency: q.currency,
    discount_amount: q.discount,
    amount_due: q.amount - q.discount,
    points_preview: pointsPreview(q.base, q.applied),
    applied: q.applied.map(appliedJson),
  };
}

/** The answer of `checkEligibility`. */
export function eligibilityJson(e: {
  offer: string;
  account: string;
  requiresActivation: boolean;
  reasons: Reason[];
  failedConditions: TargetingCondition[];
  remaining: { offer: number | null; member: number };
}): OfferEligibility {
  return {
    object: 'offer_eligibility',
    offer: e.offer,
    account: e.account,
    eligible: e.reasons.length === 0,
    requires_activation: e.requiresActivation,
    reasons: [...e.reasons],
    failed_conditions: [...e.failedConditions],
    remaining: { ...e.remaining },
  };
}
