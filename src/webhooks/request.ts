import { VinrError, WebhookSignatureError } from '../core/errors.js';
import type { VinrEvent } from './events.js';
import type { VerifyOptions } from './verification.js';
import { verifyAsync } from './verify.js';

const isRequestLike = (v: unknown): v is Request =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Request).arrayBuffer === 'function' &&
  typeof (v as Request).headers?.get === 'function';

/**
 * Verifies a Fetch `Request` (Next.js route handlers, Hono, workers, Deno, Bun): its raw bytes and its
 * `x-vinr-signature` header, on WebCrypto. The body is read here, so it must not have been read before;
 * a handler that needs it afterwards uses the returned event (or verifies a `request.clone()`).
 */
export async function verifyFetchRequest(
  request: unknown,
  options: VerifyOptions | undefined,
  fallbackSecret?: () => string | undefined,
): Promise<VinrEvent> {
  if (!isRequestLike(request)) {
    throw new VinrError(
      'verifyRequest expects a Fetch API Request (the `request` of a route handler or worker). ' +
        'With Express, Fastify or node:http, pass the raw body and headers to verifyAsync instead.',
    );
  }
  if (request.bodyUsed) {
    throw new WebhookSignatureError(
      'payload_not_raw',
      'The request body was already read (request.json() or request.text() ran before verifyRequest), so the raw ' +
        'bytes the signature covers are gone. Call verifyRequest first and use the event it returns, or verify ' +
        'a request.clone().',
    );
  }
  const body = new Uint8Array(await request.arrayBuffer());
  return verifyAsync(body, request.headers, options, fallbackSecret);
}
