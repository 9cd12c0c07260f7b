import type { AccountStatus } from '../../src/schemas/accounts.js';
import type { Metadata } from '../../src/schemas/common.js';
import type { Incentive, Targeting } from '../../src/schemas/offers.js';

/** Whether a member must opt in to an offer (`opt_in`) or gets it on a qualifying purchase (`auto`). */
export type ActivationMode = 'auto' | 'opt_in';

/**
 * The in-memory records behind every API object: plain data only (strings, numbers, arrays, plain
 * objects), so the whole store survives `structuredClone` and a JSON round trip. Times are epoch
 * milliseconds (serialize.ts makes the wire format); `seq` is the global creation sequence that
 * orders every list and every tie.
 */
export interface OfferRecord {
  id: string;
  seq: number;
  name: string;
  incentive: Incentive;
  targeting: Targeting;
  /** How a member gets the offer (the wire field `activation`); an activation is always an {@link ActivationRecord}. */
  activationMode: ActivationMode;
  /** False while the mode is the default of the incentive type, so a draft's type change re-defaults it. */
  activationModeExplicit: boolean;
  startsAt: number;
  endsAt: number | null;
  maxRedemptions: number | null;
  perMemberLimit: number;
  /** Committed, not reversed redemptions. */
  redemptionCount: number;
  /** Slots held by open checkouts. */
  reservedCount: number;
  publishedAt: number | null;
  pausedAt: number | null;
  /** Business time of the redemption that reached `max_redemptions`, to tell which expiry came first. */
  maxedAt: number | null;
  /** `loyalty.offer.expired` has been emitted. */
  expiryAnnounced: boolean;
  metadata: Metadata;
  createdAt: number;
  updatedAt: number;
}

export interface AccountRecord {
  id: string;
  seq: number;
  customer: string | null;
  tier: string | null;
  /** Always the sum of the account's points transactions (kept incrementally by the ledger). */
  balance: number;
  status: AccountStatus;
  /** Segment keys, in the order the account joined them. */
  segments: string[];
  enrolledAt: number;
  metadata: Metadata;
  createdAt: number;
}

export interface SegmentRecord {
  key: string;
  seq: number;
  name: string;
  /** Account ids, in the order they joined. */
  members: string[];
  createdAt: number;
}

export interface RewardRecord {
  id: string;
  seq: number;
  name: string;
  pointsCost: number;
  createdAt: number;
}

export type PointsTxType = 'opening_balance' | 'earn' | 'offer' | 'adjustment' | 'reversal';

export interface PointsTxRecord {
  id: string;
  seq: number;
  account: string;
  points: number;
  type: PointsTxType;
  offer: string | null;
  paymentId: string | null;
  refundId: string | null;
  createdAt: number;
}

export interface RedemptionRecord {
  id: string;
  seq: number;
  offer: string;
  account: string;
  activation: string | null;
  incentiveType: Incentive['type'];
  pointsTx: string | null;
  discountAmount: number | null;
  reward: string | null;
  paymentId: string | null;
  checkout: string | null;
  status: 'active' | 'reversed';
  reversedAt: number | null;
  createdAt: number;
}

export interface ActivationRecord {
  id: string;
  seq: number;
  offer: string;
  account: string;
  status: 'active' | 'consumed';
  /** The latest redemption made through this activation. */
  redemption: string | null;
  createdAt: number;
}

/** The result of one tracked event: a payment (`payment.completed` or a completed checkout) or a refund. */
export interface EngagementRecord {
  id: string;
  seq: number;
  type: 'payment.completed' | 'payment.refunded';
  account: string;
  paymentId: string;
  /** Set on refunds only. */
  refundId: string | null;
  /** The checkout that made this payment, if any. */
  checkout: string | null;
  amount: number;
  currency: string;
  occurredAt: number;
  pointsEarned: number;
  discountAmount: number;
  pointsTxs: string[];
  redemptions: string[];
  createdAt: number;
}

/** What a payment has had refunded so far (one per refunded payment, keyed by payment_id). */
export interface RefundProgress {
  /** Minor units refunded so far. */
  refunded: number;
  /** True once the whole charged amount is refunded (also for a payment that charged 0). */
  full: boolean;
  /** Points reversed so far, per points transaction the payment wrote. */
  reversed: Record<string, number>;
}

/** One offer a checkout quoted, with what it is worth. */
export interface AppliedRecord {
  offer: string;
  incentiveType: Incentive['type'];
  discount: number | null;
  points: number | null;
  reward: string | null;
}

export interface CheckoutRecord {
  id: string;
  seq: number;
  account: string;
  amount: number;
  currency: string;
  /** As stored; an `open` checkout past `expiresAt` reads `expired`. */
  status: 'open' | 'completed' | 'canceled';
  /** True while this checkout's slots count against the offers' limits. */
  holding: boolean;
  basePoints: number;
  discountAmount: number;
  applied: AppliedRecord[];
  expiresAt: number;
  paymentId: string | null;
  engagement: string | null;
  metadata: Metadata;
  createdAt: number;
  completedAt: number | null;
  canceledAt: number | null;
}
