import type { VinrEvent } from './events.js';
import type { WebhookHeader } from './header.js';
import { assertSignedSync } from './hmac-node.js';
import { assertSignedAsync } from './hmac-web.js';
import { parseEvent } from './payload.js';
import { assertFresh, prepareVerification, type VerifyOptions } from './verification.js';

/**
 * The whole check, in order: raw payload, header, options and secret, HMAC, then freshness, and only
 * then `JSON.parse` (once). `fallbackSecret` is the client's secret, looked up only when needed.
 */
export function verifySync(
  payload: unknown,
  header: WebhookHeader,
  options: VerifyOptions | undefined,
  fallbackSecret?: () => string | undefined,
): VinrEvent {
  const p = prepareVerification(payload, header, options, fallbackSecret);
  assertSignedSync(p);
  assertFresh(p);
  return parseEvent<VinrEvent>(p.payload);
}

/** {@link verifySync} on WebCrypto. Every failure is a rejection, never a synchronous throw. */
export async function verifyAsync(
  payload: unknown,
  header: WebhookHeader,
  options: VerifyOptions | undefined,
  fallbackSecret?: () => string | undefined,
): Promise<VinrEvent> {
  const p = prepareVerification(payload, header, options, fallbackSecret);
  await assertSignedAsync(p);
  assertFresh(p);
  return parseEvent<VinrEvent>(p.payload);
}
