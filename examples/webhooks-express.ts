/**
 * Recipe: receive VINR webhooks in Express. The signature covers the exact bytes of the body, and a global
 * `express.json()` replaces them with a parsed object. Two ways to keep them, both shown here:
 *
 *   app.use(express.json({ verify: keepRawBody }));    // your global JSON parser also keeps the raw bytes
 *   app.use(vinrWebhookRouter(vinr, handle));          // or: mount the webhook route BEFORE app.use(express.json())
 *
 * A global parser without `verify` that runs first leaves nothing to verify: the route answers 500 and logs why
 * (a misconfiguration to fix, not a bad request; VINR redelivers once it is fixed).
 */
import type { IncomingMessage } from 'node:http';
import { type Vinr, type VinrEvent, WebhookSignatureError } from '@vinr/sdk';
import express, { type Router } from 'express';

/** `express.json({ verify: keepRawBody })`: keeps the bytes the JSON parser reads as `req.rawBody`. */
export function keepRawBody(req: IncomingMessage, _res: unknown, buf: Buffer): void {
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = buf;
}

/** Ids of events already handled: use a unique index in your database, so redeliveries are harmless. */
const processed = new Set<string>();

/**
 * A router serving `POST /webhooks/vinr`: raw body, verification, de-duplication by event id, then `handle`.
 * @example
 * ```ts
 * app.use(vinrWebhookRouter(vinr, async (event) => {
 *   if (event.type === 'loyalty.offer.redeemed') await ledger.credit(event.data.account, event.data.points_transaction);
 * }));
 * ```
 */
export function vinrWebhookRouter(vinr: Vinr, handle: (event: VinrEvent) => Promise<void>): Router {
  const router = express.Router();
  router.post('/webhooks/vinr', express.raw({ type: 'application/json' }), async (req, res) => {
    const raw = (req as typeof req & { rawBody?: Buffer }).rawBody ?? req.body;
    let event: VinrEvent;
    try {
      // `req.headers` is enough: x-vinr-signature is read from it. The secret: client `webhookSecret`, else VINR_WEBHOOK_SECRET.
      event = vinr.webhooks.verify(raw, req.headers);
    } catch (e) {
      if (!(e instanceof WebhookSignatureError)) throw e;
      if (e.reason === 'no_secret' || e.reason === 'payload_not_raw') {
        console.error(`vinr webhook route misconfigured: ${e.message}`);
        res.status(500).json({ error: e.reason });
        return;
      }
      res.status(400).json({ error: e.reason });
      return;
    }
    if (!processed.has(event.id)) {
      await handle(event); // throws → 500 → VINR redelivers later, and the id is not yet marked
      processed.add(event.id);
    }
    res.status(200).json({ received: event.id });
  });
  return router;
}
