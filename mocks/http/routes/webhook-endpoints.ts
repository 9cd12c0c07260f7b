import { defineHandlers } from '../operations.js';

/** Webhook endpoints: translate HTTP to the mock's endpoint store (delivery itself is in mocks/webhooks). */
export const handlers = defineHandlers({
  'webhookEndpoints.create': ({ body }, ctx) => ctx.webhooks.endpoints.create(body),
  'webhookEndpoints.list': ({ query }, ctx) => ctx.webhooks.endpoints.list(query),
  'webhookEndpoints.delete': ({ params }, ctx) => ctx.webhooks.endpoints.delete(params.id),
});
