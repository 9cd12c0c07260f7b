/**
 * Recipe: receive VINR webhooks in Fastify. Fastify parses JSON bodies by default; the signature covers
 * the exact bytes, so this route's scope gets a content-type parser with `parseAs: 'buffer'` that
 * keeps the raw Buffer. Registering it inside a plugin keeps JSON parsing for every other route.
 *
 *   import Fastify from 'fastify';
 *   const app = Fastify();
 *   await app.register(vinrWebhooks(new Vinr(), async (event) => { … }));
 *
 * The few Fastify shapes used are declared below, so this file typechecks without fastify installed.
 */
import { type Vinr, type VinrEvent, WebhookSignatureError } from '@vinr/sdk';

interface FastifyRequest {
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}
interface FastifyReply {
  code(status: number): FastifyReply;
  send(payload?: unknown): FastifyReply;
}
type Done = (error: Error | null, body?: unknown) => void;
interface FastifyScope {
  addContentTypeParser(
    type: string,
    options: { parseAs: 'buffer' | 'string' },
    parser: (req: FastifyRequest, body: Buffer | string, done: Done) => void,
  ): void;
  post(path: string, handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>): unknown;
}

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
export function vinrWebhooks(vinr: Vinr, handle: (event: VinrEvent) => Promise<void>) {
  return async (scope: FastifyScope): Promise<void> => {
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
      return reply.code(200).send();
    });
  };
}
