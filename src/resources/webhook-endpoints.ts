import { webhookOperations as ops } from '../api/operations/webhooks.js';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import type { WebhookEndpointCreateParams, WebhookEndpointListParams } from '../schemas/activity.js';
import type { DeletedWebhookEndpoint, WebhookEndpoint } from '../schemas/objects/index.js';
import { APIResource } from './resource.js';

export type { DeletedWebhookEndpoint, WebhookEndpoint, WebhookEndpointCreateParams, WebhookEndpointListParams };

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
    return this._request(ops['webhookEndpoints.create'], [], params, options);
  }

  /**
   * Lists endpoints, newest first (without secrets).
   * @example
   * ```ts
   * const { data } = await vinr.webhookEndpoints.list();
   * ```
   */
  list(params?: WebhookEndpointListParams, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this._list<WebhookEndpoint>(ops['webhookEndpoints.list'], params, options);
  }

  /**
   * Deletes an endpoint; deliveries to it stop.
   * @example
   * ```ts
   * await vinr.webhookEndpoints.delete('we_123');
   * ```
   */
  delete(id: string, options?: RequestOptions): APIPromise<DeletedWebhookEndpoint> {
    return this._request(ops['webhookEndpoints.delete'], [id], undefined, options);
  }
}
