import { signWebhook } from '@vinr/sdk/webhooks';
import type { Agent } from 'undici';
import { newId } from '../engine/ids.js';
import type { EndpointRecord } from './endpoints.js';

/** How the mock retries failed deliveries (a short schedule, configurable). */
export interface WebhookDeliveryOptions {
  /** Waits (ms) before each retry; attempts = 1 + its length. Default `[100, 500, 2000, 5000]`. */
  retryDelays?: readonly number[];
  /** Per-attempt timeout (ms) before the attempt counts as failed. Default 10 000. */
  timeout?: number;
}

/** One POST of an event to an endpoint. */
export interface WebhookDeliveryAttempt {
  /** Real time the attempt started (signatures use real time, not the mock clock). */
  startedAt: Date;
  /** HTTP status, or `null` when no response came (connection refused, reset, timeout). */
  statusCode: number | null;
  /** Why the attempt failed without a response, else `null`. */
  error: string | null;
  durationMs: number;
}

/** An event's delivery to one endpoint: every attempt, and how it ended. */
export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  /** `pending` while attempts remain; `succeeded` after a 2xx; `failed` once the schedule is exhausted. */
  status: 'pending' | 'succeeded' | 'failed';
  attempts: WebhookDeliveryAttempt[];
}

export const DEFAULT_RETRY_DELAYS: readonly number[] = [100, 500, 2_000, 5_000];
const DEFAULT_TIMEOUT = 10_000;
const USER_AGENT = 'vinr-mock-webhooks';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    // Unref'd: a script with nothing else to do exits instead of waiting for retries; `idle()` holds the process.
    const timer = setTimeout(done, ms);
    timer.unref?.();
    signal.addEventListener('abort', done, { once: true });
  });
}

const describeError = (e: unknown): string => {
  const err = e as { code?: unknown; name?: unknown; message?: unknown };
  return String(err.code ?? err.name ?? 'Error') + (err.message ? `: ${String(err.message)}` : '');
};

/**
 * POSTs signed events to endpoints over real HTTP, retrying failures (non-2xx or no response) on the
 * schedule. Runs entirely off the request path: nothing here can block or fail the API call that
 * emitted the event.
 */
export class Deliverer {
  readonly retryDelays: readonly number[];
  readonly timeout: number;
  #deliveries: WebhookDelivery[] = [];
  /** Aborted by `reset()`: stops every pending retry and in-flight attempt. */
  #generation = new AbortController();
  #agent: Agent | undefined;

  constructor(
    options: WebhookDeliveryOptions,
    private readonly isLive: (endpointId: string) => boolean,
  ) {
    this.retryDelays = [...(options.retryDelays ?? DEFAULT_RETRY_DELAYS)];
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT;
    if (this.retryDelays.some((d) => !Number.isFinite(d) || d < 0) || !(this.timeout > 0)) {
      throw new RangeError('webhookDelivery: retryDelays must be finite ms ≥ 0 and timeout a positive number of ms');
    }
  }

  get deliveries(): readonly WebhookDelivery[] {
    return this.#deliveries;
  }

  /** Starts delivering `payload` to `endpoint`; the promise settles when the delivery is over (never rejects). */
  deliver(event: { id: string; type: string }, payload: string, endpoint: EndpointRecord): Promise<void> {
    const delivery: WebhookDelivery = {
      id: newId('whd'),
      eventId: event.id,
      eventType: event.type,
      endpointId: endpoint.id,
      url: endpoint.url,
      status: 'pending',
      attempts: [],
    };
    this.#deliveries.push(delivery);
    return this.#run(delivery, payload, endpoint.secret, this.#generation.signal);
  }

  async #run(delivery: WebhookDelivery, payload: string, secret: string, stop: AbortSignal): Promise<void> {
    for (let attempt = 0; attempt <= this.retryDelays.length; attempt++) {
      if (attempt > 0) await sleep(this.retryDelays[attempt - 1] as number, stop);
      // Deleted endpoints (and a reset mock) get no further attempts.
      if (stop.aborted || !this.isLive(delivery.endpointId)) break;
      if (await this.#attempt(delivery, payload, secret, stop)) {
        delivery.status = 'succeeded';
        return;
      }
    }
    delivery.status = 'failed';
  }

  async #attempt(delivery: WebhookDelivery, payload: string, secret: string, stop: AbortSignal): Promise<boolean> {
    const startedAt = new Date();
    const record = (statusCode: number | null, error: string | null) => {
      delivery.attempts.push({ startedAt, statusCode, error, durationMs: Date.now() - startedAt.getTime() });
    };
    try {
      // undici loads with the first delivery, not with the mock (it costs ~100 ms to load).
      const { Agent, request } = await import('undici');
      this.#agent ??= new Agent({ keepAliveTimeout: 1_000 });
      const res = await request(delivery.url, {
        method: 'POST',
        dispatcher: this.#agent,
        // Signed at each attempt, with the real time: the receiver's tolerance guards against replays.
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          'x-vinr-signature': signWebhook(payload, { secret }),
        },
        body: payload,
        signal: AbortSignal.any([stop, AbortSignal.timeout(this.timeout)]),
      });
      await res.body.dump().catch(() => undefined);
      record(res.statusCode, null);
      return res.statusCode >= 200 && res.statusCode < 300;
    } catch (e) {
      record(null, describeError(e));
      return false;
    }
  }

  /** Stops pending retries and forgets every delivery. */
  reset(): void {
    this.#generation.abort();
    this.#generation = new AbortController();
    this.#deliveries = [];
  }
}
