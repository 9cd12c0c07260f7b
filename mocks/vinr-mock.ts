/** The public shape of a reference server: its options and the test controls of `createVinrMock()`. */
import type { ClientOptions, Vinr } from '@vinr/sdk';
import type { RequestHandler } from 'msw';
import type { Dispatcher } from 'undici';
import type { MockClock } from './engine/clock.js';
import type { EmittedEvent } from './engine/events.js';
import type { JournalEntry } from './ergonomics/journal.js';
import type { MockSnapshot } from './ergonomics/snapshot.js';
import type { FaultSpec } from './http/faults.js';
import type { LoopbackServer } from './transports/loopback.js';
import type { ListenOptions } from './transports/tenants.js';
import type { WebhookChaosOptions } from './webhooks/chaos.js';
import type { WebhookDelivery, WebhookDeliveryOptions } from './webhooks/delivery.js';
import type { EventHandler } from './webhooks/hub.js';

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
  /**
   * Webhook endpoints of the mock, and delivery chaos to prove a webhook handler idempotent and
   * order-independent: `duplicate` delivers every event twice, `shuffle` out of order (both apply to registered
   * endpoints and to `onEvent` listeners alike).
   */
  webhooks?: WebhookChaosOptions & {
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
  /**
   * Makes every id, request id and endpoint secret deterministic: two mocks with the same seed that receive the
   * same calls in the same order answer byte for byte the same. The clock then starts frozen (at `now`, or
   * 2026-01-01T00:00:00Z), and `reset()` rewinds the generators and the clock to that start.
   */
  seed?: string | number;
  /** How many requests `mock.requests` keeps, newest last (default 10 000; 0 keeps none). */
  journalLimit?: number;
}

/** Where a seeded mock's clock starts when `now` is not given. */
export const DEFAULT_SEED_TIME = '2026-01-01T00:00:00Z';

/** The reference server and its test controls (docs/testing.md). */
export interface VinrMock {
  /** msw handlers for `setupServer(...mock.handlers)` / `setupWorker(...)` (msw loads on first read). */
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
   * Every API request that reached the server, through any way in, oldest first (the last `journalLimit`).
   * Test helpers are not recorded. Emptied by `reset()` and `restore()`.
   * @example
   * ```ts
   * const writes = mock.requests.filter((r) => r.method === 'POST');
   * expect(writes.map((r) => r.path)).toEqual(['/engagement/loyalty_accounts']);
   * ```
   */
  readonly requests: readonly JournalEntry[];
  /**
   * The whole state as a JSON-serialisable value: build a fixture once, `restore` it before each test.
   * @example
   * ```ts
   * const fixture = mock.snapshot();
   * writeFileSync('fixture.json', JSON.stringify(fixture));
   * ```
   */
  snapshot(): MockSnapshot;
  /**
   * Brings back a snapshot exactly (ids made afterwards repeat those made after it was taken). Like `reset()`,
   * cuts off requests in flight and clears faults and the journal. A snapshot from another format version
   * throws a `VinrError`, and nothing changes.
   * @example
   * ```ts
   * beforeEach(() => mock.restore(fixture));
   * ```
   */
  restore(snapshot: MockSnapshot): void;
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
   * Serves this mock over real HTTP (default 127.0.0.1, port 0 = any free port), sharing its state. With
   * `tenants: true`, every `sk_test_…` key gets a world of its own instead (the mock's own key still reaches this
   * mock): one server for parallel CI jobs.
   * @example
   * ```ts
   * const server = await mock.listen();
   * process.env.VINR_BASE_URL = server.baseURL; // http://127.0.0.1:PORT/v1
   * await server.close();
   * const shared = await mock.listen({ tenants: true }); // one world per sk_test_… key
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
