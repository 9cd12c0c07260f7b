import { VinrError } from '../core/errors.js';
import { computeSignature } from './hmac-node.js';
import { assertRawPayload } from './payload.js';
import { resolveSecrets } from './verification.js';

/** Options of `sign`. */
export interface SignOptions {
  /** Unix seconds, as in the header (a fraction is floored; milliseconds are refused). Default: now. */
  timestamp?: number | undefined;
  /** Defaults to the client's `webhookSecret`, then `VINR_WEBHOOK_SECRET`. Several secrets give several `v1=`. */
  secret?: string | readonly string[] | undefined;
}

/** Above this a "unix seconds" timestamp is in fact milliseconds (10^11 s is the year 5138). */
const MAX_UNIX_SECONDS = 1e11;

function signingTimestamp(timestamp: unknown): number {
  if (timestamp === undefined) return Math.floor(Date.now() / 1000);
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp < 0) {
    throw new VinrError('Invalid `timestamp`: expected unix seconds (a non-negative number).');
  }
  if (timestamp >= MAX_UNIX_SECONDS) {
    throw new VinrError(
      `Invalid \`timestamp\`: ${timestamp} looks like milliseconds; pass unix seconds (Math.floor(Date.now() / 1000)).`,
    );
  }
  // `Date.now() / 1000` is a natural thing to pass: the header carries whole seconds.
  return Math.floor(timestamp);
}

/**
 * Builds `t=<timestamp>,v1=<hex>[,v1=…]` for `payload`, one `v1` per secret. `secret` falls back to
 * `fallback` (the client's), then `VINR_WEBHOOK_SECRET`.
 */
export function signatureHeader(
  payload: unknown,
  secret: unknown,
  timestamp?: unknown,
  fallback?: () => string | undefined,
): string {
  assertRawPayload(payload);
  const t = signingTimestamp(timestamp);
  const secrets = resolveSecrets(secret, fallback);
  let header = `t=${t}`;
  for (const s of secrets) header += `,v1=${computeSignature(s, t, payload)}`;
  return header;
}
