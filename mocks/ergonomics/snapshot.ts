import { VinrError } from '@vinr/sdk';
import type { MockClock } from '../engine/clock.js';
import type { Engine } from '../engine/index.js';
import { Store, type StoreJSON } from '../engine/store.js';
import type { IdempotencyStore, Stored } from '../http/idempotency.js';
import type { EndpointRecord } from '../webhooks/endpoints.js';
import type { IdSource } from './ids.js';

/** Bumped whenever the shape below changes: a fixture from another version must fail loudly, not half-load. */
export const SNAPSHOT_VERSION = 1;

/**
 * The whole state of a mock as plain JSON (`mock.snapshot()`): engine tables and event log, clock, recorded
 * idempotent responses, webhook endpoints (with their signing secrets) and the id generators. Not in it: the
 * journal, pending faults, deliveries in flight, and the mock's own secret key (idempotency records are kept
 * per key without it, and restored under the restoring mock's key).
 */
export interface MockSnapshot {
  object: 'vinr_mock_snapshot';
  version: number;
  /** The frozen business time, or `null` when the clock ran in real time. */
  clock: string | null;
  /** The engine's whole store (tables, event log, counters) as plain JSON (internal shape). */
  engine: Record<string, unknown>;
  /** Idempotency-Key → recorded response (internal shape). */
  idempotency: [string, unknown][];
  /** Webhook endpoints with their signing secrets (internal shape). */
  webhookEndpoints: unknown[];
  /** The id generators' state (internal shape). */
  ids: unknown;
}

/** What snapshot and restore reach into. */
export interface SnapshotParts {
  engine: Engine;
  clock: MockClock;
  idempotency: IdempotencyStore;
  endpoints: { dump(): readonly EndpointRecord[]; load(rows: readonly EndpointRecord[]): void };
  ids: IdSource;
  secretKey: string;
  /** Empties everything and cuts off requests in flight, as `mock.reset()` does. */
  reset(): void;
}

const KEY_SEPARATOR = '\u0000';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function takeSnapshot(parts: SnapshotParts): MockSnapshot {
  const { engine, clock } = parts;
  const prefix = parts.secretKey + KEY_SEPARATOR;
  // Each part is already a detached copy or plain data; one JSON pass makes the whole value JSON-only.
  return JSON.parse(
    JSON.stringify({
      object: 'vinr_mock_snapshot',
      version: SNAPSHOT_VERSION,
      clock: clock.frozen ? clock.now().toISOString() : null,
      engine: engine.store.toJSON() as unknown as Record<string, unknown>,
      idempotency: parts.idempotency
        .dump()
        .filter(([scope]) => scope.startsWith(prefix))
        .map(([scope, entry]) => [scope.slice(prefix.length), entry]),
      webhookEndpoints: parts.endpoints.dump(),
      ids: parts.ids.state(),
    }),
  ) as MockSnapshot;
}

function refuse(message: string): never {
  throw new VinrError(`Cannot restore this snapshot: ${message}`);
}

/** Checks everything it can before anything changes, so a refused snapshot leaves the mock as it was. */
function check(snapshot: unknown, store: Store): MockSnapshot {
  const s = snapshot as Partial<MockSnapshot> | null;
  if (!s || typeof s !== 'object' || s.object !== 'vinr_mock_snapshot') {
    refuse('it is not a value returned by mock.snapshot().');
  }
  if (s.version !== SNAPSHOT_VERSION) {
    refuse(
      `it has format version ${JSON.stringify(s.version)} and this @vinr/sdk reads version ${SNAPSHOT_VERSION}. ` +
        'Rebuild the fixture with this version (run its setup, then mock.snapshot()).',
    );
  }
  if (!isRecord(s.engine)) refuse('engine is missing.');
  const known = store.toJSON() as Record<string, unknown>;
  for (const [name, value] of Object.entries(s.engine)) {
    if (!(name in known)) refuse(`it holds an unknown part '${name}'.`);
    if (Array.isArray(known[name]) !== Array.isArray(value)) refuse(`engine.${name} has the wrong shape.`);
  }
  if (!Array.isArray(s.idempotency)) refuse('idempotency is missing.');
  if (!Array.isArray(s.webhookEndpoints)) refuse('webhookEndpoints is missing.');
  if (s.clock !== null && (typeof s.clock !== 'string' || !Number.isFinite(Date.parse(s.clock)))) {
    refuse('clock is neither null nor an ISO 8601 time.');
  }
  return s as MockSnapshot;
}

export function restoreSnapshot(parts: SnapshotParts, snapshot: unknown): void {
  const s = check(snapshot, new Store());
  const idsBefore = parts.ids.state();
  if (!parts.ids.load(s.ids)) refuse('ids is malformed.');
  parts.ids.load(idsBefore);
  parts.reset();
  const { engine, clock } = parts;
  // The clock moves while the store is still empty, so nothing is announced as expired by the move.
  if (s.clock === null) clock.reset();
  else clock.set(s.clock);
  // `load` copies: the restored records are live and get mutated, the fixture must stay reusable.
  engine.load(s.engine as StoreJSON);
  const prefix = parts.secretKey + KEY_SEPARATOR;
  const idempotency = structuredClone(s.idempotency);
  parts.idempotency.load(idempotency.map(([key, entry]) => [prefix + key, entry as Stored]));
  parts.endpoints.load(structuredClone(s.webhookEndpoints) as EndpointRecord[]);
  parts.ids.load(structuredClone(s.ids));
}
