import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { SegmentCreateParams, SegmentListParams, SegmentMembersParams } from '../schemas/catalog.js';
import { APIResource } from './resource.js';

export type { SegmentCreateParams, SegmentListParams, SegmentMembersParams };

/** A named group of members, keyed by `key` (e.g. `lapsed_90d`). */
export interface Segment {
  key: string;
  object: 'segment';
  name: string;
  member_count: number;
  created_at: string;
}

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
    return this._call(async () => {
      const body = await this._client.validate<SegmentCreateParams>('segmentCreate', params);
      return this._client.requestWithResponse({ method: 'POST', path: '/engagement/segments', body }, options);
    });
  }

  /**
   * Retrieves a segment by key.
   * @example
   * ```ts
   * const { member_count } = await vinr.engagement.segments.retrieve('lapsed_90d');
   * ```
   */
  retrieve(key: string, options?: RequestOptions): APIPromise<Segment> {
    return this._call(() => {
      return this._client.requestWithResponse({ method: 'GET', path: path`/engagement/segments/${key}` }, options);
    });
  }

  /**
   * Lists segments, newest first.
   * @example
   * ```ts
   * const page = await vinr.engagement.segments.list({ limit: 50 });
   * ```
   */
  list(params?: SegmentListParams, options?: RequestOptions): PagePromise<Segment> {
    return this._list<Segment>('/engagement/segments', 'segmentList', params, options);
  }

  /**
   * Adds members; adding a member twice is not an error.
   * @example
   * ```ts
   * await vinr.engagement.segments.addMembers('lapsed_90d', { accounts: ['loy_1', 'loy_2'] });
   * ```
   */
  addMembers(key: string, params: SegmentMembersParams, options?: RequestOptions): APIPromise<Segment> {
    return this._call(async () => {
      const p = path`/engagement/segments/${key}/members`;
      const body = await this._client.validate<SegmentMembersParams>('segmentMembers', params);
      return this._client.requestWithResponse({ method: 'POST', path: p, body }, options);
    });
  }

  /**
   * Removes members; removing a non-member is not an error.
   * @example
   * ```ts
   * await vinr.engagement.segments.removeMembers('lapsed_90d', { accounts: ['loy_1'] });
   * ```
   */
  removeMembers(key: string, params: SegmentMembersParams, options?: RequestOptions): APIPromise<Segment> {
    return this._call(async () => {
      const p = path`/engagement/segments/${key}/members`;
      const body = await this._client.validate<SegmentMembersParams>('segmentMembers', params);
      return this._client.requestWithResponse({ method: 'DELETE', path: p, body }, options);
    });
  }
}
