/**
 * Recipe: a Cloudflare Worker that receives VINR webhooks and calls the API. `@vinr/sdk` resolves to its fetch
 * build under wrangler (the `workerd` export condition): no undici, nothing Node-only, so no `nodejs_compat` flag
 * is needed. Secrets come from the Worker's environment (`wrangler secret put VINR_SECRET_KEY`, …).
 *
 *   // wrangler.toml: main = "src/worker.ts", compatibility_date = "2026-04-01"
 */
import { Vinr } from '@vinr/sdk';
import { verifyRequest, WebhookSignatureError } from '@vinr/sdk/webhooks';

/** The Worker's bindings. */
export interface Env {
  VINR_SECRET_KEY: string;
  VINR_WEBHOOK_SECRET: string;
  /** Optional: the reference server (`vinr-mock`) in development. */
  VINR_BASE_URL?: string;
}

export default {
  /**
   * `POST /webhooks/vinr`: verify, then act through the API (here: read the redeemed offer back).
   * @example
   * ```ts
   * const res = await worker.fetch(request, env);
   * ```
   */
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (request.method !== 'POST' || pathname !== '/webhooks/vinr') return new Response('not found', { status: 404 });
    let event: Awaited<ReturnType<typeof verifyRequest>>;
    try {
      event = await verifyRequest(request, { secret: env.VINR_WEBHOOK_SECRET });
    } catch (e) {
      if (e instanceof WebhookSignatureError && e.reason !== 'no_secret') {
        return Response.json({ error: e.reason }, { status: 400 });
      }
      throw e;
    }
    if (event.type !== 'loyalty.offer.redeemed') return Response.json({ received: event.id });
    const vinr = new Vinr({ secretKey: env.VINR_SECRET_KEY, baseURL: env.VINR_BASE_URL });
    const offer = await vinr.engagement.offers.retrieve(event.data.offer);
    return Response.json({ received: event.id, offer: offer.name, redemptions: offer.redemption_count });
  },
};
