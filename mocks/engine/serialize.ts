/**
 * Records → the API's JSON objects, exactly the fields of the response schemas (`src/schemas/objects`, checked
 * against openapi.json in the test suite). Every call makes a fresh object, so an emitted event is a snapshot.
 */

import type { EngagementEvent } from '../../src/resources/engagement-events.js';
import type { LoyaltyAccount } from '../../src/resources/loyalty-accounts.js';
import type { Offer } from '../../src/resources/offers.js';
import type { OfferActivation, OfferRedemption, PointsTransaction } from '../../src/resources/redemptions.js';
import type { Reward } from '../../src/resources/rewards.js';
import type { Segment } from '../../src/resources/segments.js';
import { deriveStatus } from './offer-status.js';
import type {
  AccountRecord,
  ActivationRecord,
  EngagementRecord,
  OfferRecord,
  PointsTxRecord,
  RedemptionRecord,
  RewardRecord,
  SegmentRecord,
} from './records.js';
import type { Store } from './store.js';

export type {
  EngagementEvent,
  LoyaltyAccount,
  Offer,
  OfferActivation,
  OfferRedemption,
  PointsTransaction,
  Reward,
  Segment,
};

/**
 * Timestamps of stored records are few and read on every response: their ISO strings are kept (a bounded cache,
 * emptied when full), which saves a `Date` and a `toISOString` per field.
 */
const isoCache = new Map<number, string>();
const iso = (ms: number): string => {
  let text = isoCache.get(ms);
  if (text === undefined) {
    if (isoCache.size >= 10_000) isoCache.clear();
    text = new Date(ms).toISOString();
    isoCache.set(ms, text);
  }
  return text;
};
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
/**
 * A deep copy of stored JSON-like data (incentive, targeting, metadata), so a caller cannot reach into the state.
 * Hand-written: `structuredClone` costs several times more on these small objects, on every response.
 */
function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = clone((value as Record<string, unknown>)[key]);
  return out as T;
}

/** An offer as read at `now` (status derived). */
export function offerJson(o: OfferRecord, now: number): Offer {
  const { status, expiredReason } = deriveStatus(o, now);
  return {
    id: o.id,
    object: 'offer',
    name: o.name,
    incentive: clone(o.incentive),
    targeting: clone(o.targeting),
    activation: o.activationMode,
    starts_at: iso(o.startsAt),
    ends_at: isoOrNull(o.endsAt),
    max_redemptions: o.maxRedemptions,
    per_member_limit: o.perMemberLimit,
    status,
    redemption_count: o.redemptionCount,
    reserved_count: o.reservedCount,
    published_at: isoOrNull(o.publishedAt),
    paused_at: isoOrNull(o.pausedAt),
    expired_reason: expiredReason,
    metadata: clone(o.metadata),
    created_at: iso(o.createdAt),
    updated_at: iso(o.updatedAt),
  };
}

export function accountJson(a: AccountRecord): LoyaltyAccount {
  return {
    id: a.id,
    object: 'loyalty_account',
    customer: a.customer,
    tier: a.tier,
    points_balance: a.balance,
    status: a.status,
    segments: [...a.segments],
    enrolled_at: iso(a.enrolledAt),
    metadata: clone(a.metadata),
    created_at: iso(a.createdAt),
  };
}

export function segmentJson(s: SegmentRecord): Segment {
  return { key: s.key, object: 'segment', name: s.name, member_count: s.members.length, created_at: iso(s.createdAt) };
}

export function rewardJson(r: RewardRecord): Reward {
  return { id: r.id, object: 'reward', name: r.name, points_cost: r.pointsCost, created_at: iso(r.createdAt) };
}

export function pointsTxJson(t: PointsTxRecord): PointsTransaction {
  return {
    id: t.id,
    object: 'points_transaction',
    account: t.account,
    points: t.points,
    type: t.type,
    offer: t.offer,
    payment_id: t.paymentId,
    refund_id: t.refundId,
    created_at: iso(t.createdAt),
  };
}

export function redemptionJson(store: Store, r: RedemptionRecord): OfferRedemption {
  const tx = r.pointsTx === null ? undefined : store.pointsTxs.get(r.pointsTx);
  return {
    id: r.id,
    object: 'offer_redemption',
    offer: r.offer,
    account: r.account,
    activation: r.activation,
    incentive_type: r.incentiveType,
    points_transaction: tx ? pointsTxJson(tx) : null,
    discount_amount: r.discountAmount,
    reward: r.reward,
    payment_id: r.paymentId,
    checkout: r.checkout,
    status: r.status,
    reversed_at: isoOrNull(r.reversedAt),
    created_at: iso(r.createdAt),
  };
}

export function activationJson(store: Store, a: ActivationRecord): OfferActivation {
  const r = a.redemption === null ? undefined : store.redemptions.get(a.redemption);
  return {
    id: a.id,
    object: 'offer_activation',
    offer: a.offer,
    account: a.account,
    status: a.status,
    redemption: r ? redemptionJson(store, r) : null,
    created_at: iso(a.createdAt),
  };
}

export function engagementJson(store: Store, e: EngagementRecord): EngagementEvent {
  return {
    id: e.id,
    object: 'engagement_event',
    type: e.type,
    account: e.account,
    payment_id: e.paymentId,
    refund_id: e.refundId,
    amount: e.amount,
    currency: e.currency,
    occurred_at: iso(e.occurredAt),
    points_earned: e.pointsEarned,
    discount_amount: e.discountAmount,
    points_transactions: e.pointsTxs.flatMap((id) => {
      const t = store.pointsTxs.get(id);
      return t ? [pointsTxJson(t)] : [];
    }),
    redemptions: e.redemptions.flatMap((id) => {
      const r = store.redemptions.get(id);
      return r ? [redemptionJson(store, r)] : [];
    }),
    created_at: iso(e.createdAt),
  };
}
