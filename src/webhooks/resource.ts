import type { VinrEvent } from './events.js';
import type { WebhookHeader } from './header.js';
import { verifyFetchRequest } from './request.js';
import { type SignOptions, signatureHeader } from './signing.js';
import type { VerifyOptions } from './verification.js';
import { verifyAsync, verifySync } from './verify.js';

/**
 * `vinr.webhooks`: verifies the `x-vinr-signature` of incoming deliveries, and signs payloads for tests.
 * The secret defaults to the client's `webhookSecret`, then `VINR_WEBHOOK_SECRET`.
 * @example
 * ```ts
 * app.post('/webhooks/vinr', express.raw({ type: 'application/json' }), (req, res) => {
 *   const event = vinr.webhooks.verify(req.body, req.headers);
 *   if (event.type === 'loyalty.offer.redeemed') grant(event.data.account, event.data.redemption);
 *   res.sendStatus(200);
 * });
 * ```
 */
export class Webhooks {
  readonly #getSecret: () => string | undefined;

  constructor(getSecret: () => string | undefined) {
    this.#getSecret = getSecret;
  }

  /**
   * Verifies a delivery synchronously (node:crypto) and returns the parsed event.
   * Throws `WebhookSignatureError` (see its `reason`) when the payload must not be trusted.
   * @param payload the raw body (string, Buffer or Uint8Array), never the parsed JSON
   * @param header the `x-vinr-signature` value, or the whole request headers
   * @example
   * ```ts
   * const event = vinr.webhooks.verify(rawBody, req.headers['x-vinr-signature']);
   * ```
   */
  verify(payload: string | Uint8Array, header: WebhookHeader, options?: VerifyOptions): VinrEvent {
    return verifySync(payload, header, options, this.#getSecret);
  }

  /**
   * Like {@link Webhooks.verify}, on WebCrypto: works in any runtime (edge, workers, Deno, Bun).
   * Imported keys are cached per secret. Failures arrive as rejections.
   * @example
   * ```ts
   * export async function POST(request: Request) {
   *   const event = await vinr.webhooks.verifyAsync(await request.text(), request.headers);
   *   return new Response(null, { status: 200 });
   * }
   * ```
   */
  verifyAsync(payload: string | Uint8Array, header: WebhookHeader, options?: VerifyOptions): Promise<VinrEvent> {
    return verifyAsync(payload, header, options, this.#getSecret);
  }

  /**
   * Verifies a Fetch API `Request` (route handlers, Hono, workers, Deno, Bun) with the client's secret: reads the
   * raw body and `x-vinr-signature`, checks them on WebCrypto, returns the typed event. Call it before anything
   * else reads the body.
   * @example
   * ```ts
   * export async function POST(request: Request) {
   *   const event = await vinr.webhooks.verifyRequest(request);
   *   return Response.json({ received: event.id });
   * }
   * ```
   */
  verifyRequest(request: Request, options?: VerifyOptions): Promise<VinrEvent> {
    return verifyFetchRequest(request, options, this.#getSecret);
  }

  /**
   * Signs a payload as the API does and returns the `x-vinr-signature` value: for testing your handler.
   * @example
   * ```ts
   * const payload = JSON.stringify(event);
   * const header = vinr.webhooks.sign(payload, { timestamp: Math.floor(Date.now() / 1000) });
   * await fetch('http://127.0.0.1:3000/webhooks', { method: 'POST', body: payload, headers: { 'x-vinr-signature': header } });
   * ```
   */
  sign(payload: string | Uint8Array, options: SignOptions = {}): string {
    return signatureHeader(payload, options?.secret, options?.timestamp, this.#getSecret);
  }

  /** The secret never appears in inspect output. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'Webhooks {}';
  }
}
