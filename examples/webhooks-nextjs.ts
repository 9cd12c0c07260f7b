/**
 * Recipe: receive VINR webhooks in a Next.js App Router route handler (`app/api/webhooks/vinr/route.ts`).
 * `verifyRequest` reads the raw body itself and verifies it on WebCrypto; call it before anything reads the body
 * (never `request.json()` first: the signature covers the exact bytes). `@vinr/sdk/webhooks` loads neither undici
 * nor zod, so the same file works on the Node.js and the Edge runtime (`export const runtime = 'edge'`).
 *
 * Only Web-standard types are used (Request, Response): nothing from `next` is needed.
 */
import { type VinrEvent, verifyRequest, WebhookSignatureError } from '@vinr/sdk/webhooks';

/** Ids of events already handled: use a unique index in your database, so redeliveries are harmless. */
const processed = new Set<string>();

async function handle(event: VinrEvent): Promise<void> {
  if (event.type === 'loyalty.offer.redeemed') {
    // The member's points arrived: event.data.points_transaction is the credited transaction (or null).
    console.log('redeemed', event.data.offer, event.data.account, event.data.points_transaction?.points);
  }
}

/**
 * `POST /api/webhooks/vinr`.
 * @example
 * ```ts
 * // app/api/webhooks/vinr/route.ts
 * export { POST } from './vinr-webhook';
 * ```
 */
export async function POST(request: Request): Promise<Response> {
  let event: VinrEvent;
  try {
    event = await verifyRequest(request, { secret: process.env.VINR_WEBHOOK_SECRET ?? '' });
  } catch (e) {
    // A missing secret is our misconfiguration (500), not a bad request.
    if (e instanceof WebhookSignatureError && e.reason !== 'no_secret')
      return Response.json({ error: e.reason }, { status: 400 });
    throw e;
  }
  if (!processed.has(event.id)) {
    await handle(event);
    processed.add(event.id);
  }
  return Response.json({ received: event.id });
}
