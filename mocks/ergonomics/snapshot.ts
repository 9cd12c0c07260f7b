import { VinrError } from '@vinr/sdk';
import type { MockClock } from '../engine/clock.js';
import type { EmittedEvent } from '../engine/events.js';
import type { Engine } from '../engine/index.js';
import { type Store, Table } from '../engine/store.js';
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
  /** Engine tables by name, rows in creation order (sets written as `{ "$set": [...] }`). */
  tables: Record<string, unknown[]>;
  /** payment_id → engagement id. */
  payments: [string, string][];
  events: EmittedEvent[];
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

const tablesOf = (store: Store): [string, Table<unknown>][] =>
  Object.entries(store).filter((e): e is [string, Table<unknown>] => e[1] instanceof Table);

const writeSets = (_key: string, value: unknown) => (value instanceof Set ? { $set: [...value] } : value);
const isSet = (value: unknown): value is { $set: unknown[] } =>
  value !== null && typeof value === 'object' && '$set' in value && Array.isArray(value.$set);

/** Sets sit only at the top level of records: a shallow pass is enough (and much faster than a JSON reviver). */
function readSets(row: Record<string, unknown>): void {
  for (const key in row) {
    const value = row[key];
    if (isSet(value)) row[key] = new Set(value.$set);
  }
}

/** A deep, detached, JSON-only copy: the snapshot never aliases live records. */
const plain = <T>(value: unknown): T => JSON.parse(JSON.stringify(value, writeSets)) as T;

export function takeSnapshot(parts: SnapshotParts): MockSnapshot {
  const { engine, clock } = parts;
  const store = engine.store;
  const tables: Record<string, unknown[]> = {};
  for (const [name, table] of tablesOf(store)) tables[name] = table.rows;
  const prefix = parts.secretKey + KEY_SEPARATOR;
  return plain<MockSnapshot>({
    object: 'vinr_mock_snapshot',
    version: SNAPSHOT_VERSION,
    clock: clock.frozen ? clock.now().toISOString() : null,
    tables,
    payments: [...store.payments],
    events: engine.events.all(),
    idempotency: parts.idempotency
      .dump()
      .filter(([scope]) => scope.startsWith(prefix))
      .map(([scope, entry]) => [scope.slice(prefix.length), entry]),
    webhookEndpoints: parts.endpoints.dump(),
    ids: parts.ids.state(),
  });
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
  const known = new Set(tablesOf(store).map(([name]) => name));
  const tables = s.tables && typeof s.tables === 'object' ? Object.entries(s.tables) : refuse('tables is missing.');
  for (const [name, rows] of tables) {
    if (!known.has(name)) refuse(`it holds an unknown table '${name}'.`);
    if (!Array.isArray(rows)) refuse(`table '${name}' is not an array.`);
  }
  if (!Array.isArray(s.events) || !Array.isArray(s.payments) || !Array.isArray(s.idempotency)) {
    refuse('events, payments or idempotency is missing.');
  }
  if (!Array.isArray(s.webhookEndpoints)) refuse('webhookEndpoints is missing.');
  if (s.clock !== null && (typeof s.clock !== 'string' || !Number.isFinite(Date.parse(s.clock)))) {
    refuse('clock is neither null nor an ISO 8601 time.');
  }
  return s as MockSnapshot;
}

export function restoreSnapshot(parts: SnapshotParts, snapshot: unknown): void {
  const s = check(snapshot, parts.engine.store);
  // A copy: the restored records are live and get mutated, the fixture must stay reusable.
  const copy = structuredClone(s);
  const idsBefore = parts.ids.state();
  if (!parts.ids.load(copy.ids)) refuse('ids is malformed.');
  parts.ids.load(idsBefore);
  parts.reset();
  const { engine, clock } = parts;
  // The clock moves while the store is still empty, so nothing is announced as expired by the move.
  if (copy.clock === null) clock.reset();
  else clock.set(copy.clock);
  const store = engine.store;
  const tables = new Map(tablesOf(store));
  let maxSeq = 0;
  for (const [name, rows] of Object.entries(copy.tables)) {
    const table = tables.get(name) as Table<{ seq?: number }>;
    for (const row of rows as { seq?: number }[]) {
      readSets(row);
      table.insert(row);
      if (typeof row.seq === 'number' && row.seq > maxSeq) maxSeq = row.seq;
    }
  }
  // The store's derived indexes, rebuilt from the rows they summarise.
  while (store.nextSeq() < maxSeq);
  for (const [payment, engagement] of copy.payments) store.payments.set(payment, engagement);
  for (const r of store.redemptions.rows) store.countUse(r.offer, r.account);
  for (const a of store.activations.rows) if (a.status === 'active') store.setOpenActivation(a, a.offer, a.account);
  for (const o of store.offers.rows) {
    if (o.publishedAt !== null && o.endsAt !== null && !o.expiryAnnounced) store.pendingExpiry.add(o);
  }
  engine.events.load(copy.events);
  const prefix = parts.secretKey + KEY_SEPARATOR;
  parts.idempotency.load(copy.idempotency.map(([key, entry]) => [prefix + key, entry as Stored]));
  parts.endpoints.load(copy.webhookEndpoints as EndpointRecord[]);
  parts.ids.load(copy.ids);
}
