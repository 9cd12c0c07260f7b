/**
 * The synchronous HMAC, on node:crypto. The only module of `@vinr/sdk/webhooks` that needs Node;
 * `verifyAsync` uses WebCrypto instead and runs anywhere.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RawPayload } from './payload.js';
import { noMatchingSignature, type PreparedVerification } from './verification.js';

function digest(secret: string, prefix: string, payload: RawPayload): Buffer {
  // One update for text: a concatenated string crosses into C++ once instead of twice.
  const hmac = createHmac('sha256', secret);
  return (typeof payload === 'string' ? hmac.update(prefix + payload) : hmac.update(prefix).update(payload)).digest();
}

/** Hex HMAC-SHA256 of `<t>.<payload>`: the `v1=` value. */
export function computeSignature(secret: string, timestamp: number | string, payload: RawPayload): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex');
}

/** Throws `no_matching_signature` unless one `v1` was made with one of the secrets. Constant-time per comparison. */
export function assertSignedSync(p: PreparedVerification): void {
  if (p.signatures.length === 0) throw noMatchingSignature(p);
  const candidates = p.signatures.map((hex) => Buffer.from(hex, 'hex'));
  for (const secret of p.secrets) {
    const expected = digest(secret, p.prefix, p.payload);
    for (const candidate of candidates) if (timingSafeEqual(expected, candidate)) return;
  }
  throw noMatchingSignature(p);
}
