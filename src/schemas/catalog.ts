import { z } from 'zod';
import { pagination, prefixedId, segmentKey } from './common.js';

export const segmentCreate = z.strictObject({
  /** The segment's id: 1-64 characters of `a-z`, `0-9` and `_`, e.g. `lapsed_90d`. */
  key: segmentKey,
  /** Display name (defaults to the key). */
  name: z.string().min(1).max(200).optional(),
});
export const segmentMembers = z.strictObject({
  /** Account ids (`loy_…`), 1 to 1000. Adding a member twice or removing a non-member is not an error. */
  accounts: z.array(prefixedId('loy')).min(1).max(1000),
});
export const segmentList = z.strictObject({ ...pagination });

export const rewardCreate = z.strictObject({
  /** Display name, e.g. `Free coffee`. */
  name: z.string().min(1).max(200),
  /** Price in points. */
  points_cost: z.number().int().min(0).max(1_000_000_000),
});
export const rewardList = z.strictObject({ ...pagination });

/** Params of `vinr.engagement.segments.create`. */
export type SegmentCreateParams = z.input<typeof segmentCreate>;
/** Params of `segments.addMembers` and `segments.removeMembers`. */
export type SegmentMembersParams = z.input<typeof segmentMembers>;
/** Params of `vinr.engagement.segments.list`: cursor pagination. */
export type SegmentListParams = z.input<typeof segmentList>;
/** Params of `vinr.engagement.rewards.create`. */
export type RewardCreateParams = z.input<typeof rewardCreate>;
/** Params of `vinr.engagement.rewards.list`: cursor pagination. */
export type RewardListParams = z.input<typeof rewardList>;
