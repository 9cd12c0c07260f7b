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
import { type ListenOptions, type LoopbackServer, listen } from './transports/loopback.js';

export { MockClock } from './engine/clock.js';
export type { EmittedEvent, FaultSpec };
export type { ListenOptions, LoopbackServer } from './transports/loopback.js';

export const DEFAULT_MOCK_SECRET_KEY = 'sk_test_vinr_mock';
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
}

/** The test controls of SPEC §8.1. */
export interface VinrMock {
  /** msw handlers for `setupServer(...mock.handlers)` / `setupWorker(...)`. */
  readonly handlers: RequestHandler[];
  /** An undici Dispatcher that serves requests in-process, without sockets. */
  readonly dispatcher: Dispatcher;
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** The server's only source of business time. */
  readonly clock: MockClock;
  /** Every emitted event, oldest first. */
  readonly events: readonly EmittedEvent[];
  readonly faults: {
    /** The next matching request(s) fail that way. */
    inject(spec: FaultSpec): void;
    clear(): void;
  };
  /** A `Vinr` client wired to `dispatcher` with `secretKey`. */
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
  /** Empty state, clock back to real time, faults cleared; listeners kept. */
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
  const reset = () => {
    engine.reset();
    idempotency.reset();
    faults.clear();
    clock.reset();
  };
  const ctx: MockContext = { engine, clock, secretKey, idempotency, faults, reset };
  const handlers = createHandlers(ctx);
  const dispatcher = createMswDispatcher(() => handlers);

  return {
    handlers,
    dispatcher,
    secretKey,
    webhookSecret,
    clock,
    get events() {
      return engine.events.all();
    },
    faults: {
      inject: (spec) => faults.inject(spec),
      clear: () => faults.clear(),
    },
    client: (clientOptions = {}) =>
      new Vinr({ baseURL: 'https://api.vinr.com/v1', ...clientOptions, secretKey, dispatcher }),
    listen: (listenOptions) => listen(() => handlers, listenOptions),
    reset,
  };
}
