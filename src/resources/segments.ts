import { memberOperations as ops } from '../api/operations/members.js';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import type { SegmentCreateParams, SegmentListParams, SegmentMembersParams } from '../schemas/catalog.js';
import type { Segment } from '../schemas/objects/index.js';
import { APIResource } from './resource.js';

export type { Segment, SegmentCreateParams, SegmentListParams, SegmentMembersParams };

/**
 * `vinr.engagement.segments`: Segments: named groups of members that offers target.
 * @example
 * ```ts
 * await vinr.engagement.segments.create({ key: 'lapsed_90d' });
 * await vinr.engagement.segments.addMembers('lapsed_90d', { accounts: ['loy_456'] });
 * ```
 */
export class Segments extends APIResource {
  /**
   * Creates a segment.
   * @example
   * ```ts
   * await vinr.engagement.segments.create({ key: 'lapsed_90d', name: 'Lapsed 90 days' });
   * ```
   */
  create(params: SegmentCreateParams, options?: RequestOptions): APIPromise<Segment> {
    return this._request(ops['segments.create'], [], params, options);
  }

  /**
   * Retrieves a segment by key.
   * @example
   * ```ts
   * const { member_count } = await vinr.engagement.segments.retrieve('lapsed_90d');
   * ```
   */
  retrieve(key: string, options?: RequestOptions): APIPromise<Segment> {
    return this._request(ops['segments.retrieve'], [key], undefined, options);
  }

  /**
   * Lists segments, newest first.
   * @example
   * ```ts
   * const page = await vinr.engagement.segments.list({ limit: 50 });
   * ```
   */
  list(params?: SegmentListParams, options?: RequestOptions): PagePromise<Segment> {
    return this._list<Segment>(ops['segments.list'], params, options);
  }

  /**
   * Adds members; adding a member twice is not an error.
   * @example
   * ```ts
   * await vinr.engagement.segments.addMembers('lapsed_90d', { accounts: ['loy_1', 'loy_2'] });
   * ```
   */
  addMembers(key: string, params: SegmentMembersParams, options?: RequestOptions): APIPromise<Segment> {
    return this._request(ops['segments.addMembers'], [key], params, options);
  }

  /**
   * Removes members; removing a non-member is not an error.
   * @example
   * ```ts
   * await vinr.engagement.segments.removeMembers('lapsed_90d', { accounts: ['loy_1'] });
   * ```
   */
  removeMembers(key: string, params: SegmentMembersParams, options?: RequestOptions): APIPromise<Segment> {
    return this._request(ops['segments.removeMembers'], [key], params, options);
  }
}
