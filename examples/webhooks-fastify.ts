/**
 * Recipe: receive VINR webhooks in Fastify. Fastify parses JSON bodies for every route; the signature covers
 * the exact bytes, so this plugin's scope gets a content-type parser with `parseAs: 'buffer'` that keeps the raw
 * Buffer. Fastify encapsulates plugins, so every other route keeps its JSON parsing.
 *
 *   const app = Fastify();
 *   await app.register(vinrWebhooks(new Vinr(), async (event) => { … }));
 */
import { type Vinr, type VinrEvent, WebhookSignatureError } from '@vinr/sdk';
import type { FastifyPluginAsync } from 'fastify';

/** Ids of events already handled: use a unique index in your database, so redeliveries are harmless. */
const processed = new Set<string>();

/**
 * A Fastify plugin serving `POST /webhooks/vinr`: raw body, verification, de-duplication by event id.
 * @example
 * ```ts
 * await app.register(vinrWebhooks(vinr, async (event) => {
 *   if (event.type === 'loyalty.offer.redeemed') await ledger.credit(event.data.account, event.data.points_transaction);
 * }));
 * ```
 */
export function vinrWebhooks(vinr: Vinr, handle: (event: VinrEvent) => Promise<void>): FastifyPluginAsync {
  return async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post('/webhooks/vinr', async (req, reply) => {
      let event: VinrEvent;
      try {
        event = vinr.webhooks.verify(req.body as Buffer, req.headers);
      } catch (e) {
        // A missing secret is our misconfiguration (500), not a bad request.
        if (e instanceof WebhookSignatureError && e.reason !== 'no_secret')
          return reply.code(400).send({ error: e.reason });
        throw e;
      }
      if (!processed.has(event.id)) {
        await handle(event);
        processed.add(event.id);
      }
      return reply.code(200).send({ received: event.id });
    });
  };
}
