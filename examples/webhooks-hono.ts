/**
 * Recipe: receive VINR webhooks in Hono (Node, Bun, Deno, Cloudflare Workers, Vercel Edge alike). `c.req.raw` is
 * the Fetch `Request`, so `verifyRequest` reads its exact bytes; never call `c.req.json()` before it. The secret
 * comes from the platform's environment (`c.env` on Workers), which is why it is looked up per request.
 *
 *   type Bindings = { VINR_WEBHOOK_SECRET: string };
 *   const app = new Hono<{ Bindings: Bindings }>();
 *   app.route('/', vinrWebhookRoutes<Bindings>((c) => c.env.VINR_WEBHOOK_SECRET, async (event) => { … }));
 */
import { type VinrEvent, verifyRequest, WebhookSignatureError } from '@vinr/sdk/webhooks';
import { type Context, Hono } from 'hono';

/** Ids of events already handled: use a unique index in your database, so redeliveries are harmless. */
const processed = new Set<string>();

/**
 * Routes serving `POST /webhooks/vinr`: verification, de-duplication by event id, then `handle`.
 * @example
 * ```ts
 * app.route('/', vinrWebhookRoutes(() => process.env.VINR_WEBHOOK_SECRET!, async (event) => console.log(event.type)));
 * ```
 */
export function vinrWebhookRoutes<Bindings extends object = object>(
  secret: (c: Context<{ Bindings: Bindings }>) => string,
  handle: (event: VinrEvent) => Promise<void>,
): Hono<{ Bindings: Bindings }> {
  return new Hono<{ Bindings: Bindings }>().post('/webhooks/vinr', async (c) => {
    let event: VinrEvent;
    try {
      event = await verifyRequest(c.req.raw, { secret: secret(c) });
    } catch (e) {
      // A missing secret is our misconfiguration (500), not a bad request.
      if (e instanceof WebhookSignatureError && e.reason !== 'no_secret') return c.json({ error: e.reason }, 400);
      throw e;
    }
    if (!processed.has(event.id)) {
      await handle(event);
      processed.add(event.id);
    }
    return c.json({ received: event.id });
  });
}
