import { z } from 'zod';
import { pagination, prefixedId, segmentKey } from './common.js';

export const segmentCreate = z.strictObject({ key: segmentKey, name: z.string().min(1).max(200).optional() });
export const segmentMembers = z.strictObject({ accounts: z.array(prefixedId('loy')).min(1).max(1000) });
export const segmentList = z.strictObject({ ...pagination });

export const rewardCreate = z.strictObject({
  name: z.string().min(1).max(200),
  points_cost: z.number().int().min(0).max(1_000_000_000),
});
export const rewardList = z.strictObject({ ...pagination });

export type SegmentCreateParams = z.input<typeof segmentCreate>;
export type SegmentMembersParams = z.input<typeof segmentMembers>;
export type SegmentListParams = z.input<typeof segmentList>;
export type RewardCreateParams = z.input<typeof rewardCreate>;
export type RewardListParams = z.input<typeof rewardList>;
