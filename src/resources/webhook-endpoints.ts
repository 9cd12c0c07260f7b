import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { WebhookEndpointCreateParams, WebhookEndpointListParams } from '../schemas/activity.js';
import { APIResource } from './resource.js';

export type { WebhookEndpointCreateParams, WebhookEndpointListParams };

/** A URL that receives signed event deliveries (`we_…`). */
export interface WebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  /** Event types delivered, or `['*']` for all. */
  events: string[];
  description: string | null;
  /** The `whsec_…` signing secret: returned by `create` only. */
  secret?: string;
  created_at: string;
}

/** The result of deleting an endpoint. */
export interface DeletedWebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  deleted: true;
}

/**
 * `vinr.webhookEndpoints`: Webhook endpoints: URLs that receive signed POSTs of emitted events.
 * @example
 * ```ts
 * const endpoint = await vinr.webhookEndpoints.create({ url: 'https://example.com/webhooks/vinr', events: ['*'] });
 * console.log(endpoint.secret); // whsec_…, shown on create only
 * ```
 */
export class WebhookEndpoints extends APIResource {
  /**
   * Registers an endpoint. Keep the returned `secret`: it is shown only once.
   * @example
   * ```ts
   * const endpoint = await vinr.webhookEndpoints.create({ url: 'https://example.com/hooks/vinr', events: ['loyalty.offer.redeemed'] });
   * saveSecret(endpoint.secret);
   * ```
   */
  create(params: WebhookEndpointCreateParams, options?: RequestOptions): APIPromise<WebhookEndpoint> {
    return this._call(async () => {
      const body = await this._client.validate<WebhookEndpointCreateParams>('webhookEndpointCreate', params);
      return this._client.requestWithResponse({ method: 'POST', path: '/webhook_endpoints', body }, options);
    });
  }

  /**
   * Lists endpoints, newest first (without secrets).
   * @example
   * ```ts
   * const { data } = await vinr.webhookEndpoints.list();
   * ```
   */
  list(params?: WebhookEndpointListParams, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this._list<WebhookEndpoint>('/webhook_endpoints', 'webhookEndpointList', params, options);
  }

  /**
   * Deletes an endpoint; deliveries to it stop.
   * @example
   * ```ts
   * await vinr.webhookEndpoints.delete('we_123');
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<DeletedWebhookEndpoint> {
    return this._call(() => {
      return this._client.requestWithResponse({ method: 'DELETE', path: path`/webhook_endpoints/${id}` }, options);
    });
  }
}
