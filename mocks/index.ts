/**
 * `@vinr/sdk/mocks`: the reference server. One engine, one request pipeline, one shared state, reachable
 * in-process (`client()`, `dispatcher`, `fetch`), through msw (`handlers`) and over HTTP (`listen()`).
 */
import { Vinr } from '@vinr/sdk';
import type { RequestHandler } from 'msw';
import type { Dispatcher } from 'undici';
import { MockClock } from './engine/clock.js';
import type { EmittedEvent } from './engine/events.js';
import { withIdSource } from './engine/ids.js';
import { Engine } from './engine/index.js';
import { IdSource } from './ergonomics/ids.js';
import { Journal, type JournalEntry } from './ergonomics/journal.js';
import { type MockSnapshot, restoreSnapshot, type SnapshotParts, takeSnapshot } from './ergonomics/snapshot.js';
import type { MockContext } from './http/context.js';
import { FaultController, type FaultSpec } from './http/faults.js';
import { Generation } from './http/generation.js';
import { allRoutes, createHandlers } from './http/handlers.js';
import { IdempotencyStore } from './http/idempotency.js';
import { createPipeline } from './http/pipeline.js';
import { checkAnswer, responseValidation } from './http/response-validation.js';
import { createInspector } from './inspector/serve.js';
import { createClientDispatcher, createDispatcher } from './transports/dispatcher.js';
import { createMockFetch } from './transports/fetch.js';
import { serveHttp } from './transports/loopback.js';
import { type TenantWorld, tenantHooks } from './transports/tenants.js';
import { WebhookHub } from './webhooks/hub.js';

export { MockClock } from './engine/clock.js';
export type { LoopbackServer } from './transports/loopback.js';
export type { ListenOptions, TenantsOptions } from './transports/tenants.js';
export type { WebhookChaosOptions } from './webhooks/chaos.js';
export type { WebhookDelivery, WebhookDeliveryAttempt, WebhookDeliveryOptions } from './webhooks/delivery.js';
export type { EventHandler, SignedEvent } from './webhooks/hub.js';
export type { EmittedEvent, FaultSpec, JournalEntry, MockSnapshot };

import {
  DEFAULT_MOCK_SECRET_KEY,
  DEFAULT_MOCK_WEBHOOK_SECRET,
  DEFAULT_SEED_TIME,
  type VinrMock,
  type VinrMockOptions,
} from './vinr-mock.js';

export { DEFAULT_MOCK_SECRET_KEY, DEFAULT_MOCK_WEBHOOK_SECRET, DEFAULT_SEED_TIME, type VinrMock, type VinrMockOptions };

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
  const seeded = options.seed !== undefined;
  const start = options.now ?? (seeded ? DEFAULT_SEED_TIME : undefined);
  const clock = new MockClock(start);
  const ids = new IdSource(seeded ? String(options.seed) : undefined);
  const journal = new Journal(options.journalLimit);
  if (seeded) followIds(clock, ids);
  const secretKey = options.secretKey ?? DEFAULT_MOCK_SECRET_KEY;
  const webhookSecret = options.webhookSecret ?? DEFAULT_MOCK_WEBHOOK_SECRET;
  const engine = new Engine({ clock, ...(options.earnRate === undefined ? {} : { earnRate: options.earnRate }) });
  const idempotency = new IdempotencyStore(clock);
  const faults = new FaultController();
  const webhooks = new WebhookHub(engine.events, clock, webhookSecret, {
    delivery: options.webhookDelivery,
    allowRemote: options.webhooks?.allowRemote === true,
    chaos: options.webhooks,
    random: ids.random,
  });
  const generation = new Generation();
  const reset = () => {
    generation.advance();
    engine.reset();
    webhooks.reset();
    idempotency.reset();
    faults.clear();
    journal.reset();
    clock.reset();
    if (seeded && start !== undefined) clock.set(start);
    ids.rewind();
  };
  const parts: SnapshotParts = { engine, clock, idempotency, endpoints: webhooks.endpoints, ids, secretKey, reset };
  const snapshot = () => takeSnapshot(parts);
  const restore = (s: unknown) => restoreSnapshot(parts, s);
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
    ids,
    journal,
    snapshot,
    restore,
    ...(validateResponses ? { checkResponse: checkAnswer } : {}),
  };
  // Every way in enters the same pipeline; a request outside the API gets the same journaled 404 on each.
  const pipeline = createPipeline(allRoutes, ctx);
  let handlers: RequestHandler[] | undefined;
  const mockFetch = createMockFetch(pipeline.answer);
  // Made on first use: it loads undici (Bun's built-in `undici` cannot compose one; mock.client() needs none).
  let dispatcher: Dispatcher | undefined;
  const getDispatcher = () => {
    dispatcher ??= createDispatcher(pipeline.answer);
    return dispatcher;
  };
  const clientDispatcher = createClientDispatcher(pipeline.answer);

  const mock: VinrMock = {
    get handlers() {
      handlers ??= createHandlers(pipeline);
      return handlers;
    },
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
    get requests() {
      return journal.entries();
    },
    snapshot,
    restore,
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
        dispatcher: clientDispatcher,
      }),
    // async: bad options reject the promise, like a port in use, rather than throw.
    listen: async ({ tenants, ...listenOptions } = {}) => {
      const host = listenOptions.host ?? '127.0.0.1';
      const own = world(host);
      const { serve: answer, refused, requestId } = own.loopback;
      const { serve, close } = own.inspector;
      if (!tenants) return serveHttp(answer, listenOptions, { refused, requestId, serve, close });
      // Each tenant is a whole mock of its own, made with this mock's options and the tenant's key.
      const make = (key: string) => (worlds.get(createVinrMock({ ...options, secretKey: key })) as WorldOf)(host);
      const shared = tenantHooks(secretKey, own, make, tenants === true ? {} : tenants);
      return serveHttp(answer, listenOptions, { refused, requestId, ...shared });
    },
    reset,
    toJSON: () => redacted(clock),
  };
  const world: WorldOf = (host) => ({
    loopback: {
      serve: pipeline.answer,
      refused: (req, status, code, id) => journal.refused(req, status, code, id),
      requestId: ids.requestId,
    },
    inspector: createInspector({ engine, clock, journal, deliveries: () => webhooks.deliveries }, secretKey, host),
  });
  worlds.set(mock, world);
  Object.defineProperty(mock, inspectSymbol, { value: () => `VinrMock ${JSON.stringify(redacted(clock))}` });
  return mock;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** How a loopback server bound to `host` reaches a mock: kept off the public object, for shared (tenant) servers. */
type WorldOf = (host: string) => TenantWorld;
const worlds = new WeakMap<VinrMock, WorldOf>();

/** What `JSON.stringify(mock)` and `util.inspect(mock)` show: never a secret (read those from the properties). */
const redacted = (clock: MockClock) => ({
  secretKey: '[redacted]',
  webhookSecret: '[redacted]',
  now: clock.now().toISOString(),
  frozen: clock.frozen,
});

/**
 * A seeded mock's clock moves may announce expiries (events with ids): they draw from the mock's own generator
 * too, so the test's own `clock.set`/`advance` calls stay replayable.
 */
function followIds(clock: MockClock, ids: IdSource): void {
  const { set, advance } = clock;
  clock.set = (date) => withIdSource(ids.newId, () => set.call(clock, date));
  clock.advance = (by) => withIdSource(ids.newId, () => advance.call(clock, by));
}
