import type { MockClock } from '../engine/clock.js';
import type { JsonResult } from './respond.js';

const TTL_MS = 24 * 3_600_000;

export interface Stored {
  fingerprint: string;
  result: JsonResult;
  at: number;
}

/** A key this request holds in flight; only its holder can record or release it. */
export interface Ticket {
  readonly scope: string;
}

/** What to do with a request that carries an Idempotency-Key. */
export type Claim = { kind: 'new'; ticket: Ticket } | { kind: 'in_use' } | { kind: 'stored'; entry: Stored };

/**
 * First response per (key, secret key), replayed for 24 h of mock time. `claim` is synchronous and marks the
 * key in flight before any `await`, so concurrent duplicates see it. A claim is held through a ticket: after a
 * `reset()` or a restored snapshot, a request still in flight holds a dead ticket, so it can neither record into
 * the fresh store nor free a key that a request of the new state claimed meanwhile.
 */
export class IdempotencyStore {
  readonly #stored = new Map<string, Stored>();
  readonly #inFlight = new Map<string, Ticket>();
  constructor(private readonly clock: MockClock) {}

  claim(scope: string): Claim {
    const entry = this.#stored.get(scope);
    if (entry && this.clock.ms() - entry.at < TTL_MS) return { kind: 'stored', entry };
    if (entry) this.#stored.delete(scope);
    if (this.#inFlight.has(scope)) return { kind: 'in_use' };
    const ticket: Ticket = { scope };
    this.#inFlight.set(scope, ticket);
    return { kind: 'new', ticket };
  }

  /** Records the response of a claimed key (nothing, if the ticket died in a reset). */
  finish(ticket: Ticket, fingerprint: string, result: JsonResult): void {
    if (this.#inFlight.get(ticket.scope) !== ticket) return;
    this.#inFlight.delete(ticket.scope);
    this.#stored.set(ticket.scope, { fingerprint, result, at: this.clock.ms() });
  }

  /** Releases a claimed key without recording (the request never reached the engine). */
  release(ticket: Ticket): void {
    if (this.#inFlight.get(ticket.scope) === ticket) this.#inFlight.delete(ticket.scope);
  }

  reset(): void {
    this.#stored.clear();
    this.#inFlight.clear();
  }

  /** The recorded responses, for a snapshot (in-flight claims are not state). */
  dump(): [string, Stored][] {
    return [...this.#stored];
  }

  /** Replaces the recorded responses (a snapshot being restored). */
  load(entries: readonly [string, Stored][]): void {
    this.reset();
    for (const [scope, entry] of entries) this.#stored.set(scope, entry);
  }
}
