import type { MockClock } from './clock.js';
import type { EventLog } from './events.js';
import { announceDueExpiries } from './offer-status.js';
import { releaseExpiredCheckouts } from './reservations.js';
import type { Store } from './store.js';

/** What every engine module shares: one store, one clock, one event log. */
export interface EngineState {
  readonly store: Store;
  readonly clock: MockClock;
  readonly events: EventLog;
  readonly earnRate: number;
}

/**
 * The current business time, after applying what time alone changed since it was last read: offers
 * whose `ends_at` passed are announced expired, checkouts whose `expires_at` passed release their
 * slots. Every engine operation that depends on time reads it through here (and the mock clock calls
 * it on every move), so no check ever sees a slot held by a checkout that has already expired.
 */
export function observeNow(state: EngineState): number {
  announceDueExpiries(state);
  releaseExpiredCheckouts(state);
  return state.clock.ms();
}
