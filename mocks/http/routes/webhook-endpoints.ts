import { defineRoute, type Route } from '../route.js';

/** `/webhook_endpoints`: translate HTTP to the mock's endpoint store (delivery itself is in mocks/webhooks). */
export const routes: Route[] = [
  defineRoute({
    method: 'POST',
    path: '/webhook_endpoints',
    body: 'webhookEndpointCreate',
    handle: ({ body }, ctx) => ctx.webhooks.endpoints.create(body),
  }),
  defineRoute({
    method: 'GET',
    path: '/webhook_endpoints',
    query: 'webhookEndpointList',
    handle: ({ query }, ctx) => ctx.webhooks.endpoints.list(query),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/webhook_endpoints/:id',
    handle: ({ params }, ctx) => ctx.webhooks.endpoints.delete(params.id as string),
  }),
];
