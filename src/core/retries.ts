/** Retry policy (docs/errors-and-retries.md), kept apart from the loop so it can be tested on its own. */

import { APIUserAbortError } from './errors.js';

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Whether an HTTP error response may be retried. */
export const isRetryableResponse = (status: number, code: string | undefined): boolean =>
  RETRYABLE_STATUS.has(status) || (status === 409 && code === 'idempotency_key_in_use');

const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Parses `Retry-After` (seconds or HTTP date); `undefined` when absent, unreadable, negative, non-finite or
 * outside 0–60 s, so the caller falls back to back-off. Only a value starting with a day name is read as a
 * date: `Date.parse('-1')` is the year −1, which would mean "retry at once".
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  let ms: number;
  if (/^[A-Za-z]/.test(trimmed)) {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now);
  } else ms = Number(trimmed) * 1000;
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_RETRY_AFTER_MS ? ms : undefined;
}

/** Delay before retry number `retry` (0 for the first retry): `min(0.5 s × 2^n, 8 s)` minus up to 25 % jitter. */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const base = Math.min(500 * 2 ** retry, 8_000);
  return base * (1 - 0.25 * random());
}

/** Waits `ms`, or rejects with `APIUserAbortError` as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError(undefined, { cause: signal.reason }));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError(undefined, { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * How the request loop waits between attempts and draws its jitter. Not exported by the package: the SDK's own
 * tests swap these (test/support/retry-clock.ts) so that checking the back-off does not take real seconds.
 */
export const retryClock: {
  sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  random: () => number;
} = { sleep, random: Math.random };
