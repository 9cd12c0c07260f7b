/**
 * `@vinr/sdk/webhooks`: webhook verification on its own, for handlers that do not need the API client.
 * Loads no undici and no zod, and has no static Node import: node:crypto is fetched on first use by the
 * sync path (`process.getBuiltinModule`), and `verifyWebhookAsync` needs only WebCrypto (edge runtimes too).
 */
import type { VinrEvent } from './events.js';
import type { WebhookHeader } from './header.js';
import type { RawPayload } from './payload.js';
import { verifyFetchRequest } from './request.js';
import { type SignOptions, signatureHeader } from './signing.js';
import type { VerifyOptions } from './verification.js';
import { verifyAsync, verifySync } from './verify.js';

export {
  VinrError,
  WebhookSignatureError,
  type WebhookSignatureErrorReason,
} from '../core/errors.js';
export type * from './events.js';
export { type HeadersRecord, SIGNATURE_HEADER, type WebhookHeader } from './header.js';
export type { RawPayload } from './payload.js';
export { DEFAULT_TOLERANCE_SECONDS, type VerifyOptions } from './verification.js';
export type { SignOptions };

/** Options of the standalone functions: there is no client, so the secret is the option, else `VINR_WEBHOOK_SECRET`. */
export type VerifyWebhookOptions = VerifyOptions & {
  /** The endpoint's signing secret (`whsec_…`), or several during a rotation. Default: `VINR_WEBHOOK_SECRET`. */
  secret?: string | readonly string[] | undefined;
};

/**
 * Verifies a delivery synchronously (node:crypto) and returns the parsed event.
 * Throws `WebhookSignatureError` (see its `reason`) when the payload must not be trusted.
 * @param payload the raw body (string, Buffer or Uint8Array), never the parsed JSON
 * @param header the `x-vinr-signature` value, or the whole request headers
 * @example
 * ```ts
 * import { verifyWebhook } from '@vinr/sdk/webhooks';
 * const event = verifyWebhook(rawBody, req.headers, { secret: process.env.VINR_WEBHOOK_SECRET! });
 * if (event.type === 'loyalty.offer.redeemed') console.log(event.data.account);
 * ```
 */
export function verifyWebhook(payload: RawPayload, header: WebhookHeader, options?: VerifyWebhookOptions): VinrEvent {
  return verifySync(payload, header, options);
}

/**
 * {@link verifyWebhook} on WebCrypto: any runtime. Imported keys are cached per secret.
 * @example
 * ```ts
 * import { verifyWebhookAsync } from '@vinr/sdk/webhooks';
 * const event = await verifyWebhookAsync(await request.text(), request.headers, { secret });
 * ```
 */
export function verifyWebhookAsync(
  payload: RawPayload,
  header: WebhookHeader,
  options?: VerifyWebhookOptions,
): Promise<VinrEvent> {
  return verifyAsync(payload, header, options);
}

/**
 * Signs a payload as the API does and returns the `x-vinr-signature` value: for testing handlers.
 * @example
 * ```ts
 * import { signWebhook } from '@vinr/sdk/webhooks';
 * const header = signWebhook(JSON.stringify(event), { secret: 'whsec_test' });
 * ```
 */
export function signWebhook(payload: RawPayload, options: SignOptions = {}): string {
  return signatureHeader(payload, options?.secret, options?.timestamp);
}

/**
 * Verifies a Fetch API `Request` (Next.js route handlers, Hono, Cloudflare Workers, Deno, Bun): reads its raw body
 * and `x-vinr-signature`, checks them on WebCrypto and returns the typed event. Call it before anything else reads
 * the body. Failures arrive as rejections (`WebhookSignatureError`, see its `reason`).
 * @example
 * ```ts
 * import { verifyRequest } from '@vinr/sdk/webhooks';
 * export async function POST(request: Request) {
 *   const event = await verifyRequest(request, { secret: process.env.VINR_WEBHOOK_SECRET! });
 *   return Response.json({ received: event.id });
 * }
 * ```
 */
export function verifyRequest(request: Request, options: VerifyWebhookOptions): Promise<VinrEvent> {
  return verifyFetchRequest(request, options);
}
