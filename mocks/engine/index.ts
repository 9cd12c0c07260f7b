import { AccountService } from './accounts.js';
import { ActivationService } from './activations.js';
import { RewardService, SegmentService } from './catalog.js';
import { CheckoutService } from './checkouts.js';
import type { MockClock } from './clock.js';
import { type EngineState, observeNow } from './engine-state.js';
import { notFound } from './errors.js';
import { type EmittedEvent, EventLog } from './events.js';
import { OfferService } from './offers.js';
import { type ListPage, type ListQuery, paginate } from './pagination.js';
import { RedemptionService } from './redemptions.js';
import { Store, type StoreJSON } from './store.js';
import { TrackingService } from './tracking.js';

export interface EngineOptions {
  clock: MockClock;
  /** Points per major currency unit of a qualifying payment (default 1). */
  earnRate?: number;
}

export interface EventListQuery extends ListQuery {
  type?: string | undefined;
}

/**
 * The offer engine: plain TypeScript over an in-memory store. No msw, no HTTP. Every
 * check-and-commit runs synchronously, so concurrent requests cannot interleave inside it.
 * All mutable state is in `store` (plain records); the services hold rules only.
 */
export class Engine {
  readonly clock: MockClock;
  readonly earnRate: number;
  readonly events: EventLog;
  /** Offers: create, retrieve, update, list, publish, pause, resume, checkEligibility. */
  readonly offers: OfferService;
  /** Loyalty accounts and their points transactions. */
  readonly accounts: AccountService;
  readonly segments: SegmentService;
  readonly rewards: RewardService;
  /** Opt-in activations. */
  readonly activations: ActivationService;
  /** The redemption log. */
  readonly redemptions: RedemptionService;
  /** Engagement events: `payment.completed` and `payment.refunded`. */
  readonly tracking: TrackingService;
  /** Checkouts: quote, reserve, complete, cancel. */
  readonly checkouts: CheckoutService;
  /** Mutable only here: `reset()` swaps the store under every service. */
  readonly #state: { -readonly [K in keyof EngineState]: EngineState[K] };

  constructor(options: EngineOptions) {
    this.clock = options.clock;
    this.earnRate = options.earnRate ?? 1;
    if (!(this.earnRate >= 0) || !Number.isFinite(this.earnRate)) {
      throw new RangeError('earnRate must be a finite number ≥ 0');
    }
    const store = new Store();
    this.events = new EventLog(options.clock, () => this.#state.store.events);
    this.#state = { store, clock: this.clock, events: this.events, earnRate: this.earnRate };
    const state: EngineState = this.#state;
    // A move of the mock clock is observed at once: offers that ended are announced, expired checkouts release.
    this.clock.onChange(() => observeNow(state));
    this.offers = new OfferService(state);
    this.accounts = new AccountService(state);
    this.segments = new SegmentService(state);
    this.rewards = new RewardService(state);
    this.activations = new ActivationService(state);
    this.redemptions = new RedemptionService(state);
    this.tracking = new TrackingService(state);
    this.checkouts = new CheckoutService(state);
  }

  /** All mutable engine state, for invariant checks in tests and benchmarks. */
  get store(): Store {
    return this.#state.store;
  }

  /** One emitted event. */
  retrieveEvent(id: string): EmittedEvent {
    observeNow(this.#state);
    const event = this.events.get(id);
    if (!event) throw notFound('event', id, 'id');
    return event;
  }

  /** Emitted events, newest first, optionally of one type. */
  listEvents(query: EventListQuery = {}): ListPage<EmittedEvent> {
    observeNow(this.#state);
    const type = query.type;
    return paginate(
      this.events.all(),
      query,
      (id) => this.events.position(id),
      (e) => e,
      type === undefined ? undefined : (e) => e.type === type,
    );
  }

  /** Empties the store, events included (listeners on `events` are kept). */
  reset(): void {
    this.#state.store = new Store();
  }

  /** Replaces the whole state with a copy of `json` (a snapshot being restored); listeners are kept. */
  load(json: StoreJSON): void {
    this.#state.store = Store.fromJSON(json);
  }
}
