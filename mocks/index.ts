/**
 * `@vinr/sdk/mocks`: the reference server. One engine, one set of msw handlers, one shared state,
 * reachable in-process (`dispatcher`, `client()`), through msw (`handlers`) and over HTTP (`listen()`).
 */
import { type ClientOptions, Vinr } from '@vinr/sdk';
import type { RequestHandler } from 'msw';
import type { Dispatcher } from 'undici';
import { MockClock } from './engine/clock.js';
import type { EmittedEvent } from './engine/events.js';
import { Engine } from './engine/index.js';
import type { MockContext } from './http/context.js';
import { FaultController, type FaultSpec } from './http/faults.js';
import { createHandlers } from './http/handlers.js';
import { IdempotencyStore } from './http/idempotency.js';
import { createMswDispatcher } from './transports/dispatcher.js';
import { createMockFetch } from './transports/fetch.js';
import { type ListenOptions, type LoopbackServer, listen } from './transports/loopback.js';
import type { WebhookDelivery, WebhookDeliveryOptions } from './webhooks/delivery.js';
import { type EventHandler, WebhookHub } from './webhooks/hub.js';

export { MockClock } from './engine/clock.js';
export type { ListenOptions, LoopbackServer } from './transports/loopback.js';
export type { WebhookDelivery, WebhookDeliveryAttempt, WebhookDeliveryOptions } from './webhooks/delivery.js';
export type { EventHandler, SignedEvent } from './webhooks/hub.js';
export type { EmittedEvent, FaultSpec };

/** The secret key a mock accepts unless `secretKey` is given. */
export const DEFAULT_MOCK_SECRET_KEY = 'sk_test_vinr_mock';
/** The webhook signing secret of a mock unless `webhookSecret` is given. */
export const DEFAULT_MOCK_WEBHOOK_SECRET = 'whsec_test_vinr_mock';

/** Options of {@link createVinrMock}. */
export interface VinrMockOptions {
  /** Freeze the business clock at this time from the start (default: real time until the first `set`/`advance`). */
  now?: Date | string | number;
  /** The only key the server accepts (default `sk_test_vinr_mock`). */
  secretKey?: string;
  /** Signs what `onEvent` hands out (default `whsec_test_vinr_mock`). */
  webhookSecret?: string;
  /** Points per major currency unit of a qualifying payment (default 1). */
  earnRate?: number;
  /** Retry schedule and per-attempt timeout of deliveries to registered webhook endpoints. */
  webhookDelivery?: WebhookDeliveryOptions;
}

/** The reference server and its test controls (see docs/testing.md). */
export interface VinrMock {
  /** msw handlers for `setupServer(...mock.handlers)` / `setupWorker(...)`. */
  readonly handlers: RequestHandler[];
  /** An undici Dispatcher that serves requests in-process, without sockets. */
  readonly dispatcher: Dispatcher;
  /**
   * A `fetch` that serves requests in-process, without sockets or msw interception: the way in for test suites
   * on Bun, Deno and workers (any runtime with `Request`/`Response`).
   * @example
   * ```ts
   * const vinr = new Vinr({ secretKey: mock.secretKey, fetch: mock.fetch });
   * const reward = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 100 });
   * ```
   */
  readonly fetch: typeof fetch;
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** The server's only source of business time. */
  readonly clock: MockClock;
  /** Every emitted event, oldest first. */
  readonly events: readonly EmittedEvent[];
  /**
   * Calls `handler` with each emitted event and what a webhook handler would receive for it: the raw
   * body and its `x-vinr-signature` (signed with `webhookSecret`, at the real time). Called just after
   * the event is emitted, before the API call that emitted it resolves. Returns an unsubscribe function.
   * A handler that throws (or rejects) is reported as an unhandled error: it fails the test.
   * @example
   * ```ts
   * const received: string[] = [];
   * const off = mock.onEvent((_event, { payload, signature }) => {
   *   const event = vinr.webhooks.verify(payload, signature, { secret: mock.webhookSecret });
   *   received.push(event.type);
   * });
   * ```
   */
  onEvent(handler: EventHandler): () => void;
  /** Deliveries to endpoints registered with `vinr.webhookEndpoints.create`. */
  readonly webhooks: {
    /** Every delivery (one per event and endpoint), with its attempts; emptied by `reset()`. */
    readonly deliveries: readonly WebhookDelivery[];
    /**
     * Resolves once every delivery has succeeded or used up its retries, and every `onEvent` handler
     * has settled.
     * @example
     * ```ts
     * await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
     * await mock.webhooks.idle();
     * expect(mock.webhooks.deliveries.at(-1)?.status).toBe('succeeded');
     * ```
     */
    idle(): Promise<void>;
  };
  /** Failure injection: make the next matching request(s) fail, to test retries and idempotency. */
  readonly faults: {
    /**
     * The next matching request(s) fail that way.
     * @example
     * ```ts
     * mock.faults.inject({ status: 503, retryAfter: 0, match: { method: 'POST', path: '/activations' } });
     * mock.faults.inject({ networkError: true, afterCommit: true }); // applied, then the response is lost
     * ```
     */
    inject(spec: FaultSpec): void;
    /**
     * Drops every pending fault.
     * @example
     * ```ts
     * mock.faults.clear();
     * ```
     */
    clear(): void;
  };
  /**
   * A `Vinr` client wired to `dispatcher` (to `fetch` where undici cannot dispatch, as on Bun) with `secretKey`:
   * the same class you import from `@vinr/sdk`. It opts in to DOM-emulating test environments (jsdom, happy-dom).
   * @example
   * ```ts
   * const vinr = mock.client({ maxRetries: 0 });
   * const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
   * ```
   */
  client(options?: ClientOptions): Vinr;
  /**
   * Serves this mock over real HTTP (default 127.0.0.1, port 0 = any free port), sharing its state.
   * @example
   * ```ts
   * const server = await mock.listen();
   * process.env.VINR_BASE_URL = server.baseURL; // http://127.0.0.1:PORT/v1
   * await server.close();
   * ```
   */
  listen(options?: ListenOptions): Promise<LoopbackServer>;
  /**
   * Empty state (webhook endpoints and deliveries included), clock back to real time, faults cleared; listeners kept.
   * @example
   * ```ts
   * beforeEach(() => mock.reset());
   * ```
   */
  reset(): void;
}

/**
 * Creates a reference server with its own state.
 * @example
 * ```ts
 * import { createVinrMock } from '@vinr/sdk/mocks';
 * const mock = createVinrMock();
 * const vinr = mock.client();
 * const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
 * ```
 */
export function createVinrMock(options: VinrMockOptions = {}): VinrMock {
  const clock = new MockClock(options.now);
  const secretKey = options.secretKey ?? DEFAULT_MOCK_SECRET_KEY;
  const webhookSecret = options.webhookSecret ?? DEFAULT_MOCK_WEBHOOK_SECRET;
  const engine = new Engine({ clock, ...(options.earnRate === undefined ? {} : { earnRate: options.earnRate }) });
  const idempotency = new IdempotencyStore(clock);
  const faults = new FaultController();
  const webhooks = new WebhookHub(engine.events, clock, webhookSecret, options.webhookDelivery);
  const reset = () => {
    engine.reset();
    webhooks.reset();
    idempotency.reset();
    faults.clear();
    clock.reset();
  };
  const ctx: MockContext = { engine, clock, secretKey, idempotency, faults, webhooks, reset };
  const handlers = createHandlers(ctx);
  const mockFetch = createMockFetch(() => handlers);
  // Made on first use: Bun's built-in `undici` cannot compose a dispatcher, and a mock there serves through `fetch`.
  let dispatcher: Dispatcher | undefined;
  const getDispatcher = () => {
    dispatcher ??= createMswDispatcher(() => handlers);
    return dispatcher;
  };
  const inProcess = (): Pick<ClientOptions, 'dispatcher' | 'fetch'> => {
    try {
      return { dispatcher: getDispatcher() };
    } catch {
      return { fetch: mockFetch };
    }
  };

  return {
    handlers,
    get dispatcher() {
      return getDispatcher();
    },
    fetch: mockFetch,
    secretKey,
    webhookSecret,
    clock,
    get events() {
      return engine.events.all();
    },
    onEvent: (handler) => webhooks.onEvent(handler),
    webhooks: {
      get deliveries() {
        return webhooks.deliveries;
      },
      idle: () => webhooks.idle(),
    },
    faults: {
      inject: (spec) => faults.inject(spec),
      clear: () => faults.clear(),
    },
    client: (clientOptions = {}) =>
      // A test client: DOM-emulating test environments (jsdom, happy-dom) must not trip the browser guard.
      new Vinr({
        baseURL: 'https://api.vinr.com/v1',
        dangerouslyAllowBrowser: true,
        ...clientOptions,
        secretKey,
        ...inProcess(),
      }),
    listen: (listenOptions) => listen(() => handlers, listenOptions),
    reset,
  };
}
