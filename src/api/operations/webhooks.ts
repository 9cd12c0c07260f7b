import type { OperationTable } from './types.js';

/** `vinr.webhookEndpoints` and `vinr.events` (the log of emitted webhook events). */
export const webhookOperations = {
  'webhookEndpoints.create': {
    method: 'POST',
    path: '/webhook_endpoints',
    summary: 'Register a webhook endpoint (the response carries its signing secret, once)',
    body: 'webhookEndpointCreate',
    response: 'WebhookEndpoint',
  },
  'webhookEndpoints.list': {
    method: 'GET',
    path: '/webhook_endpoints',
    summary: 'List webhook endpoints, newest first',
    query: 'webhookEndpointList',
    response: 'WebhookEndpoint',
    list: true,
  },
  'webhookEndpoints.delete': {
    method: 'DELETE',
    path: '/webhook_endpoints/:id',
    summary: 'Delete a webhook endpoint',
    response: 'DeletedWebhookEndpoint',
  },
  'events.retrieve': {
    method: 'GET',
    path: '/events/:id',
    summary: 'Retrieve an emitted event',
    response: 'Event',
  },
  'events.list': {
    method: 'GET',
    path: '/events',
    summary: 'List emitted events, newest first',
    query: 'eventList',
    response: 'Event',
    list: true,
  },
} as const satisfies OperationTable;
