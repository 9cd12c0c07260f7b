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
import { Generation } from './http/generation.js';
import { createHandlers } from './http/handlers.js';
import { IdempotencyStore } from './http/idempotency.js';
import { checkResponse, responseValidation } from './http/response-validation.js';
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
  /** Webhook endpoints of the mock. */
  webhooks?: {
    /**
     * Accept endpoint URLs on any host (default `false`: only loopback hosts — `localhost`, 127.0.0.0/8, `::1` —
     * so a fixture cannot make the mock POST to a cloud metadata address or a real service).
     */
    allowRemote?: boolean | undefined;
  };
  /**
   * Check every response against `openapi.json` (JSON Schema 2020-12, with ajv) before sending it; one that does
   * not match becomes a 500 `internal_error` saying what differs. For this package's own tests and for anyone
   * extending the server. Needs the optional dependency `ajv` (`npm i -D ajv`), loaded on the first response.
   */
  validateResponses?: boolean;
}

/** The reference server and its test controls (docs/testing.md). */
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
   * A `Vinr` client wired to `dispatcher` (to `fetch` where undici cannot dispatch, as on Bun) with `secretKey`
   * (a `secretKey` you pass wins: that is how a test sees a 401): the same class you import from `@vinr/sdk`. It
   * opts in to DOM-emulating test environments (jsdom, happy-dom).
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
   * A request still in flight is cut off: it applies nothing and answers 409 (see docs/testing.md).
   * @example
   * ```ts
   * beforeEach(() => mock.reset());
   * ```
   */
  reset(): void;
  /**
   * What `JSON.stringify(mock)` (and `util.inspect(mock)`) show: the clock, and the secrets as `[redacted]`.
   * @example
   * ```ts
   * JSON.stringify(mock); // '{"secretKey":"[redacted]","webhookSecret":"[redacted]","now":"…","frozen":false}'
   * ```
   */
  toJSON(): { secretKey: string; webhookSecret: string; now: string; frozen: boolean };
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
  const webhooks = new WebhookHub(engine.events, clock, webhookSecret, {
    ...(options.webhookDelivery ? { delivery: options.webhookDelivery } : {}),
    allowRemote: options.webhooks?.allowRemote === true,
  });
  const generation = new Generation();
  const reset = () => {
    generation.advance();
    engine.reset();
    webhooks.reset();
    idempotency.reset();
    faults.clear();
    clock.reset();
  };
  const validateResponses = options.validateResponses ?? responseValidation.defaultOn;
  const ctx: MockContext = {
    engine,
    clock,
    secretKey,
    idempotency,
    faults,
    webhooks,
    generation,
    reset,
    ...(validateResponses ? { checkResponse } : {}),
  };
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

  const mock: VinrMock = {
    handlers,
    get dispatcher() {
      return getDispatcher();
    },
    fetch: mockFetch,
    // Getters (not fields) so that the secrets are read on demand, and never listed by `inspect`/`JSON.stringify`.
    get secretKey() {
      return secretKey;
    },
    get webhookSecret() {
      return webhookSecret;
    },
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
    // An explicit `secretKey` wins: `mock.client({ secretKey: 'sk_test_wrong' })` is how a test sees a 401.
    client: (clientOptions = {}) =>
      // A test client: DOM-emulating test environments (jsdom, happy-dom) must not trip the browser guard.
      new Vinr({
        baseURL: 'https://api.vinr.com/v1',
        dangerouslyAllowBrowser: true,
        ...clientOptions,
        secretKey: clientOptions.secretKey ?? secretKey,
        ...inProcess(),
      }),
    listen: (listenOptions) => listen(() => handlers, listenOptions),
    reset,
    toJSON: () => redacted(clock),
  };
  Object.defineProperty(mock, inspectSymbol, { value: () => `VinrMock ${JSON.stringify(redacted(clock))}` });
  return mock;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** What `JSON.stringify(mock)` and `util.inspect(mock)` show: never a secret (read those from the properties). */
const redacted = (clock: MockClock) => ({
  secretKey: '[redacted]',
  webhookSecret: '[redacted]',
  now: clock.now().toISOString(),
  frozen: clock.frozen,
});
