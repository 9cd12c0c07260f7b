import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
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
    return this._call(() => {
      return this._client.requestWithResponse({ method: 'GET', path: path`/events/${id}` }, options);
    });
  }

  /**
   * Lists events, newest first, optionally of one type.
   * @example
   * ```ts
   * for await (const event of vinr.events.list({ type: 'loyalty.offer.redeemed' })) reconcile(event);
   * ```
   */
  list(params?: EventListParams, options?: RequestOptions): PagePromise<VinrEvent> {
    return this._list<VinrEvent>('/events', 'eventList', params, options);
  }
}
