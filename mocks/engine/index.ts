import type { MockClock } from './clock.js';
import { EventLog } from './events.js';

export interface EngineOptions {
  clock: MockClock;
  /** Points per major currency unit of a qualifying payment (default 1). */
  earnRate?: number;
}

/**
 * The offer engine (SPEC §5): plain TypeScript over an in-memory store. No msw, no HTTP.
 * Every check-and-commit runs synchronously, so concurrent requests cannot interleave inside it.
 */
export class Engine {
  readonly clock: MockClock;
  readonly earnRate: number;
  readonly events: EventLog;

  constructor(options: EngineOptions) {
    this.clock = options.clock;
    this.earnRate = options.earnRate ?? 1;
    this.events = new EventLog(options.clock);
  }

  /** Empties every store (listeners on `events` are kept). */
  reset(): void {
    this.events.reset();
  }
}
