/** Retry policy (docs/api.md, "Retries"), kept apart from the loop so it can be tested on its own. */

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Whether an HTTP error response may be retried. */
export const isRetryableResponse = (status: number, code: string | undefined): boolean =>
  RETRYABLE_STATUS.has(status) || (status === 409 && code === 'idempotency_key_in_use');

const MAX_RETRY_AFTER_MS = 60_000;

/** Parses `Retry-After` (seconds or HTTP date); `undefined` when absent or outside 0–60 s. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now);
  }
  return ms >= 0 && ms <= MAX_RETRY_AFTER_MS ? ms : undefined;
}

/** Delay before retry number `retry` (0 for the first retry): `min(0.5 s × 2^n, 8 s)` minus up to 25 % jitter. */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const base = Math.min(500 * 2 ** retry, 8_000);
  return base * (1 - 0.25 * random());
}
