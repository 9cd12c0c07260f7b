import { AccountService } from './accounts.js';
import { ActivationService } from './activation.js';
import { RewardService, SegmentService } from './catalog.js';
import type { MockClock } from './clock.js';
import { notFound } from './errors.js';
import { type EmittedEvent, EventLog } from './events.js';
import { OfferService } from './offers.js';
import { type ListPage, type ListQuery, paginate } from './pagination.js';
import { announceDueExpiries, type EngineState } from './state.js';
import { Store } from './store.js';
import { TrackService } from './track.js';

export interface EngineOptions {
  clock: MockClock;
  /** Points per major currency unit of a qualifying payment (default 1). */
  earnRate?: number;
}

export interface EventListQuery extends ListQuery {
  type?: string | undefined;
}

/**
 * Wraps a service so every call first announces the offers that expired by time since the last
 * call (expiry by `ends_at` is observed lazily when the clock runs in real time).
 */
function observed<T extends object>(service: T, before: () => void): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(service, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      let fn = wrapped.get(prop);
      if (!fn) {
        fn = (...args: unknown[]) => {
          before();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
        wrapped.set(prop, fn);
      }
      return fn;
    },
  });
}

/**
 * The offer engine (rules in docs/api.md, "Offer rules"): plain TypeScript over an in-memory store. No msw, no HTTP.
 * Every check-and-commit runs synchronously, so concurrent requests cannot interleave inside it.
 * @example
 * ```ts
 * const engine = new Engine({ clock: new MockClock('2026-06-06T12:00:00Z') });
 * const account = engine.accounts.create({ tier: 'gold' });
 * const offer = engine.offers.create({ name: 'Gold bonus', incentive: { type: 'points_bonus', points: 1000 } });
 * engine.offers.publish(offer.id);
 * engine.activations.activate(offer.id, account.id);
 * ```
 */
export class Engine {
  readonly clock: MockClock;
  readonly earnRate: number;
  readonly events: EventLog;
  /** Offers: create, retrieve, update, list, publish, pause, resume. */
  readonly offers: OfferService;
  /** Loyalty accounts and their points transactions. */
  readonly accounts: AccountService;
  readonly segments: SegmentService;
  readonly rewards: RewardService;
  /** Opt-in activations and the redemption log. */
  readonly activations: ActivationService;
  /** Qualifying events (`payment.completed`). */
  readonly tracking: TrackService;
  /** Mutable only here: `reset()` swaps the store under every service. */
  readonly #state: { -readonly [K in keyof EngineState]: EngineState[K] };

  constructor(options: EngineOptions) {
    this.clock = options.clock;
    this.earnRate = options.earnRate ?? 1;
    if (!(this.earnRate >= 0) || !Number.isFinite(this.earnRate)) {
      throw new RangeError('earnRate must be a finite number ≥ 0');
    }
    this.events = new EventLog(options.clock);
    this.#state = { store: new Store(), clock: this.clock, events: this.events, earnRate: this.earnRate };
    const state: EngineState = this.#state;
    const tick = () => announceDueExpiries(state);
    this.clock.onChange(tick);
    this.offers = observed(new OfferService(state), tick);
    this.accounts = observed(new AccountService(state), tick);
    this.segments = observed(new SegmentService(state), tick);
    this.rewards = observed(new RewardService(state), tick);
    this.activations = observed(new ActivationService(state), tick);
    this.tracking = observed(new TrackService(state), tick);
  }

  /** The raw store, for invariant checks in tests and benchmarks. @example engine.store.offers.size */
  get store(): Store {
    return this.#state.store;
  }

  /**
   * One emitted event.
   * @example
   * ```ts
   * engine.retrieveEvent('evt_1').type;
   * ```
   */
  retrieveEvent(id: string): EmittedEvent {
    announceDueExpiries(this.#state);
    const event = this.events.get(id);
    if (!event) throw notFound('event', id, 'id');
    return event;
  }

  /**
   * Emitted events, newest first, optionally of one type.
   * @example
   * ```ts
   * engine.listEvents({ type: 'loyalty.offer.redeemed', limit: 100 });
   * ```
   */
  listEvents(query: EventListQuery = {}): ListPage<EmittedEvent> {
    announceDueExpiries(this.#state);
    const type = query.type;
    return paginate(
      this.events.all(),
      query,
      (id) => this.events.position(id),
      (e) => e,
      type === undefined ? undefined : (e) => e.type === type,
    );
  }

  /** Empties every store (listeners on `events` are kept). @example engine.reset() */
  reset(): void {
    this.#state.store = new Store();
    this.events.reset();
  }
}
