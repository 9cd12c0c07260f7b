/**
 * The SDK's back-off without the wait: `instantRetries()` swaps the request loop's sleep for one that records the
 * delay it was asked for and resolves on the next turn of the event loop (still rejecting at once on an abort), so
 * a test checks the delays the retry policy chose without spending them.
 */
import { afterEach, beforeEach } from 'vitest';
import { APIUserAbortError } from '../../src/core/errors.js';
import { retryClock } from '../../src/core/retries.js';

export interface RecordedWaits {
  /** Every back-off delay asked for, in ms, in order. */
  readonly waits: number[];
  /** When set, a wait of at least this many ms never ends by itself: only an abort ends it. */
  holdFrom: number | undefined;
  /** When set, every wait ends when this settles (a retry that must find the first attempt finished). */
  gate: Promise<unknown> | undefined;
  /** Resolves when the next wait starts (for tests that act during the back-off). */
  nextWait(): Promise<number>;
}

/** The SDK's own wait and jitter, as shipped (for the test of the real wait itself). */
export const realRetryClock = { ...retryClock };
const real = realRetryClock;

/** Registers hooks for the calling test file: every test in it gets instant, recorded retries. */
export function instantRetries(): RecordedWaits {
  let waiting: ((ms: number) => void) | undefined;
  const recorded: RecordedWaits = {
    waits: [],
    holdFrom: undefined,
    gate: undefined,
    nextWait: () => new Promise((resolve) => (waiting = resolve)),
  };
  beforeEach(() => {
    recorded.waits.length = 0;
    recorded.holdFrom = undefined;
    recorded.gate = undefined;
    retryClock.sleep = (ms, signal) =>
      new Promise((resolve, reject) => {
        recorded.waits.push(ms);
        waiting?.(ms);
        waiting = undefined;
        const abort = () => reject(new APIUserAbortError(undefined, { cause: signal?.reason }));
        if (signal?.aborted) return abort();
        signal?.addEventListener('abort', abort, { once: true });
        if (recorded.gate)
          recorded.gate.then(
            () => resolve(),
            () => resolve(),
          );
        else if (recorded.holdFrom === undefined || ms < recorded.holdFrom) setImmediate(resolve);
      });
  });
  afterEach(() => {
    Object.assign(retryClock, real);
  });
  return recorded;
}

/** Makes the jitter draw `value` (0 = no jitter, 1 = the full 25 %) until the end of the current test. */
export function fixedJitter(value: number): void {
  retryClock.random = () => value;
}
