import { webhookOperations as ops } from '../api/operations/webhooks.js';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import type { EventListParams } from '../schemas/activity.js';
import type { VinrEvent } from '../webhooks/events.js';
import { APIResource } from './resource.js';

export type { EventListParams };

/**
 * `vinr.events`: The log of emitted webhook events, for reconciliation after a missed delivery.
 * @example
 * ```ts
 * for await (const event of vinr.events.list({ type: 'loyalty.offer.redeemed' })) console.log(event.id);
 * ```
 */
export class Events extends APIResource {
  /**
   * Retrieves an event.
   * @example
   * ```ts
   * const event = await vinr.events.retrieve('evt_123');
   * ```
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<VinrEvent> {
    return this._request(ops['events.retrieve'], [id], undefined, options);
  }

  /**
   * Lists events, newest first, optionally of one type.
   * @example
   * ```ts
   * for await (const event of vinr.events.list({ type: 'loyalty.offer.redeemed' })) reconcile(event);
   * ```
   */
  list(params?: EventListParams, options?: RequestOptions): PagePromise<VinrEvent> {
    return this._list<VinrEvent>(ops['events.list'], params, options);
  }
}
