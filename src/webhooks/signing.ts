import { VinrError, WebhookSignatureError } from '../core/errors.js';
import { computeSignature } from './hmac-node.js';
import { assertRawPayload } from './payload.js';

/** Options of `sign`. */
export interface SignOptions {
  /** Unix seconds, as in the header. Default: now. */
  timestamp?: number | undefined;
  /** Defaults to the client's `webhookSecret`, then `VINR_WEBHOOK_SECRET`. Several secrets give several `v1=`. */
  secret?: string | readonly string[] | undefined;
}

/** Builds `t=<timestamp>,v1=<hex>[,v1=…]` for `payload`, one `v1` per secret. */
export function signatureHeader(payload: unknown, secret: string | readonly string[], timestamp?: number): string {
  assertRawPayload(payload);
  const t = timestamp ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(t) || t < 0) {
    throw new VinrError('Invalid `timestamp`: expected unix seconds (a non-negative integer).');
  }
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.trim() === '')) {
    throw new WebhookSignatureError('no_secret', 'No webhook signing secret to sign with: pass { secret }.');
  }
  let header = `t=${t}`;
  for (const s of secrets) header += `,v1=${computeSignature(s, t, payload)}`;
  return header;
}
