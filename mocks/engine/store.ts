import type { EmittedEvent } from './events.js';
import type {
  AccountRecord,
  ActivationRecord,
  CheckoutRecord,
  EngagementRecord,
  OfferRecord,
  PointsTxRecord,
  RedemptionRecord,
  RefundProgress,
  RewardRecord,
  SegmentRecord,
} from './records.js';

export type * from './records.js';

/**
 * Rows in creation order plus an index by key. Lists walk `rows` backwards (newest first), so ties
 * in `created_at` are ordered by creation, never by id. The index is derived: `toJSON()` is the rows.
 */
export class Table<T> {
  readonly rows: T[] = [];
  readonly #at = new Map<string, number>();
  constructor(private readonly keyOf: (row: T) => string) {}

  /** Refills an empty table from rows in creation order (a snapshot's `toJSON()`). */
  load(rows: readonly T[]): void {
    for (const row of rows) this.insert(row);
  }

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

  toJSON(): T[] {
    return this.rows;
  }
}

/** {@link Store} as plain JSON (see `Store.toJSON`). */
export type StoreJSON = {
  [K in keyof Store as Store[K] extends (...args: never[]) => unknown ? never : K]: Store[K] extends Table<infer R>
    ? R[]
    : Store[K] extends Map<string, infer V>
      ? Record<string, V>
      : Store[K];
};

/** The key of an (offer, account) pair in the per-member maps. */
export const pairKey = (offer: string, account: string): string => `${offer}\u0000${account}`;

/**
 * Every piece of mutable engine state, and nothing else: tables of plain records and maps of plain
 * values (no object references between records, only ids). The rules live in the modules around it.
 */
export class Store {
  /** The last creation sequence number handed out. */
  seq = 0;
  readonly offers = new Table<OfferRecord>((r) => r.id);
  readonly accounts = new Table<AccountRecord>((r) => r.id);
  readonly segments = new Table<SegmentRecord>((r) => r.key);
  readonly rewards = new Table<RewardRecord>((r) => r.id);
  readonly pointsTxs = new Table<PointsTxRecord>((r) => r.id);
  readonly redemptions = new Table<RedemptionRecord>((r) => r.id);
  readonly activations = new Table<ActivationRecord>((r) => r.id);
  readonly engagements = new Table<EngagementRecord>((r) => r.id);
  readonly checkouts = new Table<CheckoutRecord>((r) => r.id);
  /** Emitted (webhook) events, in emission order. */
  readonly events = new Table<EmittedEvent>((e) => e.id);
  /** payment_id → the `payment.completed` engagement id (tracked or made by a checkout). */
  readonly payments = new Map<string, string>();
  /** refund_id → the `payment.refunded` engagement id. */
  readonly refunds = new Map<string, string>();
  /** payment_id → what has been refunded of it so far. */
  readonly refundProgress = new Map<string, RefundProgress>();
  /** Committed, not reversed redemptions per (offer, account) — see {@link pairKey}. */
  readonly used = new Map<string, number>();
  /** Slots held by open checkouts per (offer, account). */
  readonly reserved = new Map<string, number>();
  /** The open (`active`) activation id per (offer, account). */
  readonly openActivations = new Map<string, string>();
  /** Published offers (ids) with an `ends_at` whose expiry has not been announced yet. */
  readonly pendingExpiry: string[] = [];
  /** Checkouts (ids) whose slots are held, to release them when they expire by the clock. */
  readonly holdingCheckouts: string[] = [];

  /** The next creation sequence number. */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** A per-(offer, account) counter of `map` (0 when absent). */
  count(map: Map<string, number>, offer: string, account: string): number {
    return map.get(pairKey(offer, account)) ?? 0;
  }

  /** Moves a per-(offer, account) counter by `delta`; returns the new value. */
  bump(map: Map<string, number>, offer: string, account: string, delta: number): number {
    const key = pairKey(offer, account);
    const n = (map.get(key) ?? 0) + delta;
    if (n === 0) map.delete(key);
    else map.set(key, n);
    return n;
  }

  /** The whole store as plain JSON: tables as their rows, maps as objects. {@link Store.fromJSON} reads it back. */
  toJSON(): StoreJSON {
    const json = {} as Record<string, unknown>;
    for (const [key, value] of Object.entries(this)) {
      json[key] = value instanceof Map ? Object.fromEntries(value) : value instanceof Table ? value.toJSON() : value;
    }
    return structuredClone(json) as StoreJSON;
  }

  /** A store holding a copy of what {@link Store.toJSON} returned. */
  static fromJSON(json: StoreJSON): Store {
    const store = new Store();
    const copy = structuredClone(json) as unknown as Record<string, unknown>;
    const target = store as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(copy)) {
      const slot = target[key];
      if (slot instanceof Table) slot.load(value as unknown[]);
      else if (slot instanceof Map) for (const [k, v] of Object.entries(value as object)) slot.set(k, v);
      else if (Array.isArray(slot)) slot.push(...(value as unknown[]));
      else target[key] = value;
    }
    return store;
  }

  openActivation(offer: string, account: string): ActivationRecord | undefined {
    const id = this.openActivations.get(pairKey(offer, account));
    return id === undefined ? undefined : this.activations.get(id);
  }
}
