import type { AccountStatus } from '../../src/schemas/accounts.js';
import type { Metadata } from '../../src/schemas/common.js';
import type { Incentive, Targeting } from '../../src/schemas/offers.js';

/**
 * The in-memory records behind every object of the API. Times are epoch milliseconds (the wire
 * format is made in serialize.ts); `seq` is the global creation sequence that orders every list.
 */
export interface OfferRecord {
  id: string;
  seq: number;
  name: string;
  incentive: Incentive;
  targeting: Targeting;
  activation: 'auto' | 'opt_in';
  /** False while `activation` is the default of the incentive type, so a draft's type change re-defaults it. */
  activationExplicit: boolean;
  startsAt: number;
  endsAt: number | null;
  maxRedemptions: number | null;
  perMemberLimit: number;
  redemptionCount: number;
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
  /** Always the sum of the account's points transactions (kept incrementally). */
  balance: number;
  status: AccountStatus;
  /** Segment keys, in the order the account joined them. */
  segments: Set<string>;
  enrolledAt: number;
  metadata: Metadata;
  createdAt: number;
}

export interface SegmentRecord {
  key: string;
  seq: number;
  name: string;
  members: Set<string>;
  createdAt: number;
}

export interface RewardRecord {
  id: string;
  seq: number;
  name: string;
  pointsCost: number;
  createdAt: number;
}

export type PointsTxType = 'opening_balance' | 'earn' | 'offer' | 'adjustment';

export interface PointsTxRecord {
  id: string;
  seq: number;
  account: string;
  points: number;
  type: PointsTxType;
  offer: string | null;
  paymentId: string | null;
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

export interface EngagementRecord {
  id: string;
  seq: number;
  account: string;
  paymentId: string;
  amount: number;
  currency: string;
  occurredAt: number;
  pointsEarned: number;
  discountAmount: number;
  pointsTxs: string[];
  redemptions: string[];
  createdAt: number;
}

/**
 * Rows in creation order plus an index by key. Lists walk `rows` backwards (newest first), so
 * ties in `created_at` are ordered by creation, never by id.
 * @example
 * ```ts
 * const rewards = new Table<RewardRecord>((r) => r.id);
 * rewards.insert(record);
 * rewards.get('rwd_1');
 * ```
 */
export class Table<T> {
  readonly rows: T[] = [];
  readonly #at = new Map<string, number>();
  constructor(private readonly keyOf: (row: T) => string) {}

  insert(row: T): T {
    this.#at.set(this.keyOf(row), this.rows.length);
    this.rows.push(row);
    return row;
  }

  get(key: string): T | undefined {
    const i = this.#at.get(key);
    return i === undefined ? undefined : this.rows[i];
  }

  /** Index of the row in creation order (the pagination cursor's position). */
  position(key: string): number | undefined {
    return this.#at.get(key);
  }

  get size(): number {
    return this.rows.length;
  }
}

const pair = (offer: string, account: string) => `${offer}\u0000${account}`;

/**
 * Every table and counter of the engine. Plain data: the rules live in the services around it.
 * @example
 * ```ts
 * const store = new Store();
 * store.usedBy('ofr_1', 'loy_1'); // 0
 * ```
 */
export class Store {
  #seq = 0;
  readonly offers = new Table<OfferRecord>((r) => r.id);
  readonly accounts = new Table<AccountRecord>((r) => r.id);
  readonly segments = new Table<SegmentRecord>((r) => r.key);
  readonly rewards = new Table<RewardRecord>((r) => r.id);
  readonly pointsTxs = new Table<PointsTxRecord>((r) => r.id);
  readonly redemptions = new Table<RedemptionRecord>((r) => r.id);
  readonly activations = new Table<ActivationRecord>((r) => r.id);
  readonly engagements = new Table<EngagementRecord>((r) => r.id);
  /** payment_id → engagement id (replays). */
  readonly payments = new Map<string, string>();
  /** Committed redemptions per (offer, account). */
  readonly #used = new Map<string, number>();
  /** The open (`active`) activation per (offer, account). */
  readonly #open = new Map<string, string>();
  /** Published offers whose `ends_at` expiry has not been announced yet. */
  readonly pendingExpiry = new Set<OfferRecord>();

  /** The next creation sequence number. */
  nextSeq(): number {
    return ++this.#seq;
  }

  usedBy(offer: string, account: string): number {
    return this.#used.get(pair(offer, account)) ?? 0;
  }

  countUse(offer: string, account: string): number {
    const n = this.usedBy(offer, account) + 1;
    this.#used.set(pair(offer, account), n);
    return n;
  }

  openActivation(offer: string, account: string): ActivationRecord | undefined {
    const id = this.#open.get(pair(offer, account));
    return id === undefined ? undefined : this.activations.get(id);
  }

  setOpenActivation(activation: ActivationRecord | undefined, offer: string, account: string): void {
    if (activation) this.#open.set(pair(offer, account), activation.id);
    else this.#open.delete(pair(offer, account));
  }
}
