/** Delivery chaos for webhook handler tests: what real senders do now and then, on demand. */
export interface WebhookChaosOptions {
  /** Deliver every event twice (same event id and body, each copy signed at its own delivery). */
  duplicate?: boolean;
  /**
   * Deliver events out of order: events are held for 25 ms after the first of a batch, then
   * handed out in a random order that is never the emission order (when the batch holds two or more).
   */
  shuffle?: boolean;
}

/** How long a shuffled batch collects events before it is handed out. */
export const SHUFFLE_WINDOW_MS = 25;

/**
 * Stands between an emitted event and its fan-out (listeners and endpoints). Without chaos it calls the fan-out
 * at once; with `duplicate` twice; with `shuffle` it batches events and releases each batch shuffled.
 */
export class WebhookChaos {
  #batch: (() => void)[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushed: (() => void) | undefined;

  constructor(
    readonly options: WebhookChaosOptions,
    private readonly random: () => number,
    /** Tracks a pending batch so that `mock.webhooks.idle()` waits for it. */
    private readonly track: (batch: Promise<void>) => void,
  ) {}

  get active(): boolean {
    return Boolean(this.options.duplicate || this.options.shuffle);
  }

  /** Hands `fanOut` (one event to every receiver) to the receivers, with the configured chaos. */
  push(fanOut: () => void): void {
    const copies = this.options.duplicate ? [fanOut, fanOut] : [fanOut];
    if (!this.options.shuffle) {
      for (const copy of copies) copy();
      return;
    }
    this.#batch.push(...copies);
    if (this.#timer) return;
    this.track(
      new Promise<void>((resolve) => {
        this.#flushed = resolve;
        this.#timer = setTimeout(() => this.#flush(), SHUFFLE_WINDOW_MS);
      }),
    );
  }

  #flush(): void {
    const batch = this.#batch;
    this.#batch = [];
    this.#timer = undefined;
    const order = batch.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    // A shuffle that happens to keep the emission order would prove nothing: reverse it instead.
    if (order.every((v, i) => v === i)) order.reverse();
    for (const i of order) batch[i]?.();
    this.#flushed?.();
  }

  /** Drops a held batch (`mock.reset()`): its events belong to the state being thrown away. */
  reset(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#batch = [];
    this.#flushed?.();
  }
}
