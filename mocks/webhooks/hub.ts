import type { VinrEvent } from '@vinr/sdk';
import { signWebhook } from '@vinr/sdk/webhooks';
import type { MockClock } from '../engine/clock.js';
import type { EmittedEvent, EventLog } from '../engine/events.js';
import { WebhookChaos, type WebhookChaosOptions } from './chaos.js';
import { Deliverer, type WebhookDelivery, type WebhookDeliveryOptions } from './delivery.js';
import { EndpointStore } from './endpoints.js';

/** What a webhook handler would receive for an event: the raw body and its `x-vinr-signature`. */
export interface SignedEvent {
  /** The raw JSON body, exactly as delivered. */
  payload: string;
  /** The `x-vinr-signature` header, signed with `mock.webhookSecret` at the real time of hand-out. */
  signature: string;
}

/** A listener of `mock.onEvent`: the parsed event, and the raw signed body with its `x-vinr-signature`. */
export type EventHandler = (event: VinrEvent, signed: SignedEvent) => unknown;

/** How a hub delivers: retry schedule, who may be called, and delivery chaos (with its random source). */
export interface HubOptions {
  delivery?: WebhookDeliveryOptions | undefined;
  /** Accept endpoint URLs off loopback. */
  allowRemote?: boolean | undefined;
  chaos?: WebhookChaosOptions | undefined;
  /** Drives `shuffle` (a seeded mock's own generator). */
  random?: (() => number) | undefined;
}

/**
 * Turns every emitted event into signed webhooks: handed to `mock.onEvent` listeners and POSTed to
 * registered endpoints. All of it runs after the emitting request's engine step, never inside it.
 */
export class WebhookHub {
  readonly endpoints: EndpointStore;
  readonly #deliverer: Deliverer;
  readonly #handlers = new Set<EventHandler>();
  /** Listener calls and deliveries still running, for `idle()`. */
  readonly #pending = new Set<Promise<unknown>>();
  readonly #chaos: WebhookChaos;

  constructor(
    events: EventLog,
    clock: MockClock,
    private readonly webhookSecret: string,
    options: HubOptions = {},
  ) {
    this.endpoints = new EndpointStore(clock, options.allowRemote === true);
    this.#deliverer = new Deliverer(options.delivery ?? {}, (id) => this.endpoints.get(id) !== undefined);
    const random = options.random ?? Math.random;
    this.#chaos = new WebhookChaos(options.chaos ?? {}, random, (batch) => this.#track(batch, false));
    events.subscribe((event) =>
      this.#chaos.active ? this.#chaos.push(() => this.#publish(event)) : this.#publish(event),
    );
  }

  get deliveries(): readonly WebhookDelivery[] {
    return this.#deliverer.deliveries;
  }

  onEvent(handler: EventHandler): () => void {
    this.#handlers.add(handler);
    return () => {
      this.#handlers.delete(handler);
    };
  }

  /** Resolves once no listener call and no delivery (retries included) is running. */
  async idle(): Promise<void> {
    if (this.#pending.size === 0) return;
    // Retry timers are unref'd; someone awaiting `idle()` wants them to run, so keep the process alive meanwhile.
    const hold = setInterval(() => undefined, 60_000);
    try {
      while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
    } finally {
      clearInterval(hold);
    }
  }

  reset(): void {
    this.#chaos.reset();
    this.endpoints.reset();
    this.#deliverer.reset();
  }

  #publish(event: EmittedEvent): void {
    const endpoints = this.endpoints.matching(event.type);
    if (this.#handlers.size === 0 && endpoints.length === 0) return;
    // Serialised once, now: every receiver gets the same bytes, whatever happens to the engine's objects later.
    const payload = JSON.stringify(event);
    // Everything below starts in a microtask: after the engine's atomic step (a throwing listener cannot
    // break it, a slow endpoint cannot delay it), yet before the emitting API call resolves.
    for (const endpoint of endpoints) {
      this.#track(
        Promise.resolve().then(() => this.#deliverer.deliver(event, payload, endpoint)),
        false,
      );
    }
    for (const handler of this.#handlers) {
      // Each listener gets its own copy of the event, as a handler parsing the body would.
      const call = Promise.resolve().then(() =>
        handler(JSON.parse(payload) as VinrEvent, {
          payload,
          signature: signWebhook(payload, { secret: this.webhookSecret }),
        }),
      );
      this.#track(call, true);
    }
  }

  #track(promise: Promise<unknown>, surfaceErrors: boolean): void {
    this.#pending.add(promise);
    promise.then(
      () => this.#pending.delete(promise),
      (error: unknown) => {
        this.#pending.delete(promise);
        // A failing listener is a failing test: re-raise it as an unhandled rejection the runner reports.
        if (surfaceErrors) throw error;
      },
    );
  }
}
