/**
 * Recipe: receive VINR webhooks in Express. The one rule: verify the raw body. `express.raw()` on this
 * route keeps `req.body` a Buffer; a global `express.json()` would hand you a parsed object, which
 * `verify` refuses (reason `payload_not_raw`) because the signature covers the exact bytes.
 *
 *   import express from 'express';
 *   const app = express();
 *   mountVinrWebhooks(app, express, new Vinr(), async (event) => { … });   // before app.use(express.json())
 *
 * The few Express shapes used are declared below, so this file typechecks without express installed.
 */
import { type Vinr, type VinrEvent, WebhookSignatureError } from '@vinr/sdk';

interface Request {
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}
interface Response {
  status(code: number): Response;
  json(body: unknown): void;
  end(): void;
}
type Handler = (req: Request, res: Response) => void | Promise<void>;
interface App {
  post(path: string, ...handlers: unknown[]): unknown;
}
interface Express {
  raw(options: { type: string }): unknown;
}

/** Ids of events already handled: use a unique index in your database, so redeliveries are harmless. */
const processed = new Set<string>();

/**
 * Mounts `POST /webhooks/vinr`: verifies, de-duplicates by event id, then hands the event to `handle`.
 * @example
 * ```ts
 * mountVinrWebhooks(app, express, vinr, async (event) => {
 *   if (event.type === 'loyalty.offer.redeemed') await ledger.credit(event.data.account, event.data.points_transaction);
 * });
 * ```
 */
export function mountVinrWebhooks(
  app: App,
  express: Express,
  vinr: Vinr,
  handle: (event: VinrEvent) => Promise<void>,
): void {
  const route: Handler = async (req, res) => {
    let event: VinrEvent;
    try {
      // `req.headers` is enough: x-vinr-signature is read from it. The secret comes from VINR_WEBHOOK_SECRET.
      event = vinr.webhooks.verify(req.body as Buffer, req.headers);
    } catch (e) {
      // A missing secret is our misconfiguration (500), not a bad request.
      if (e instanceof WebhookSignatureError && e.reason !== 'no_secret')
        return res.status(400).json({ error: e.reason });
      throw e;
    }
    if (!processed.has(event.id)) {
      await handle(event); // throws → 500 → VINR redelivers later, and the id is not yet marked
      processed.add(event.id);
    }
    res.status(200).end();
  };
  app.post('/webhooks/vinr', express.raw({ type: 'application/json' }), route);
}
