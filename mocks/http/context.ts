import type { MockClock } from '../engine/clock.js';
import type { Engine } from '../engine/index.js';
import type { IdSource } from '../ergonomics/ids.js';
import type { Journal } from '../ergonomics/journal.js';
import type { MockSnapshot } from '../ergonomics/snapshot.js';
import type { WebhookHub } from '../webhooks/hub.js';
import type { MockResponse } from './exchange.js';
import type { FaultController } from './faults.js';
import type { Generation } from './generation.js';
import type { IdempotencyStore } from './idempotency.js';
import type { Route } from './route.js';

/** Everything a route may touch. Routes translate HTTP to engine calls; rules live in the engine. */
export interface MockContext {
  readonly engine: Engine;
  readonly clock: MockClock;
  readonly secretKey: string;
  readonly idempotency: IdempotencyStore;
  readonly faults: FaultController;
  /** Advanced by `reset()`: requests that started before it are cut off before their engine step. */
  readonly generation: Generation;
  /** Webhook endpoints, onEvent listeners and deliveries (mocks/webhooks). */
  readonly webhooks: WebhookHub;
  /** Set with `validateResponses`: checks each response against openapi.json before it is sent. */
  readonly checkResponse?:
    | ((route: Route | undefined, method: string, response: MockResponse) => Promise<MockResponse>)
    | undefined;
  /** Empties state, puts the clock back to real time, clears faults (listeners are kept). */
  reset(): void;
  /** The ids and request ids this mock makes (seedable, snapshotted). */
  readonly ids: IdSource;
  /** Every API request that reached the server (test helpers excepted). */
  readonly journal: Journal;
  snapshot(): MockSnapshot;
  restore(snapshot: unknown): void;
}
