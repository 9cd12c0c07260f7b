import type { MockClock } from '../engine/clock.js';
import type { JsonResult } from './respond.js';

const TTL_MS = 24 * 3_600_000;

export interface Stored {
  fingerprint: string;
  result: JsonResult;
  at: number;
}

/** What to do with a request that carries an Idempotency-Key. */
export type Claim = { kind: 'new' } | { kind: 'in_use' } | { kind: 'stored'; entry: Stored };

/**
 * First response per (key, secret key), replayed for 24 h of mock time. `claim` is
 * synchronous and marks the key in flight before any `await`, so concurrent duplicates see it.
 */
export class IdempotencyStore {
  readonly #stored = new Map<string, Stored>();
  readonly #inFlight = new Set<string>();
  constructor(private readonly clock: MockClock) {}

  claim(scope: string): Claim {
    const entry = this.#stored.get(scope);
    if (entry && this.clock.ms() - entry.at < TTL_MS) return { kind: 'stored', entry };
    if (entry) this.#stored.delete(scope);
    if (this.#inFlight.has(scope)) return { kind: 'in_use' };
    this.#inFlight.add(scope);
    return { kind: 'new' };
  }

  /** Records the response of a claimed key. */
  finish(scope: string, fingerprint: string, result: JsonResult): void {
    this.#inFlight.delete(scope);
    this.#stored.set(scope, { fingerprint, result, at: this.clock.ms() });
  }

  /** Releases a claimed key without recording (the request never reached the engine). */
  release(scope: string): void {
    this.#inFlight.delete(scope);
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
