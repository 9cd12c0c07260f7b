import { z } from 'zod';
import { metadata, pagination, prefixedId, segmentKey, timestamp } from './common.js';

const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-9;

export const incentive = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('points_multiplier'),
    multiplier: z.number().gt(1).lte(10),
  }),
  z.strictObject({
    type: z.literal('points_bonus'),
    points: z.number().int().positive().max(1_000_000_000),
  }),
  z.strictObject({
    type: z.literal('percentage_discount'),
    percent: z.number().gt(0).lte(100).refine(twoDecimals, 'at most 2 decimals'),
    max_discount: z.number().int().positive().nullable().optional(),
  }),
  z.strictObject({
    type: z.literal('gift_reward'),
    reward: prefixedId('rwd'),
  }),
]);

export const targeting = z.strictObject({
  segments: z.array(segmentKey).max(100).optional(),
  tiers: z.array(z.string().min(1).max(64)).max(100).optional(),
  min_balance: z.number().int().min(0).optional(),
  enrolled_before: timestamp.optional(),
  metadata: metadata.optional(),
});

export const activation = z.enum(['auto', 'opt_in']);
export const offerStatus = z.enum(['draft', 'active', 'paused', 'expired']);

const offerFields = {
  name: z.string().min(1).max(200),
  incentive,
  targeting: targeting.optional(),
  activation: activation.optional(),
  starts_at: timestamp.optional(),
  ends_at: timestamp.nullable().optional(),
  max_redemptions: z.number().int().positive().nullable().optional(),
  per_member_limit: z.number().int().positive().optional(),
  metadata: metadata.optional(),
};

const endsAfterStart = (o: { starts_at?: string | undefined; ends_at?: string | null | undefined }) =>
  !o.starts_at || !o.ends_at || Date.parse(o.ends_at) > Date.parse(o.starts_at);
const endsAfterStartIssue = { message: 'must be after starts_at', path: ['ends_at'] };

export const offerCreate = z.strictObject(offerFields).refine(endsAfterStart, endsAfterStartIssue);

export const offerUpdate = z
  .strictObject({
    name: offerFields.name.optional(),
    incentive: incentive.optional(),
    targeting: offerFields.targeting,
    activation: offerFields.activation,
    starts_at: offerFields.starts_at,
    ends_at: offerFields.ends_at,
    max_redemptions: offerFields.max_redemptions,
    per_member_limit: offerFields.per_member_limit,
    metadata: offerFields.metadata,
  })
  .refine(endsAfterStart, endsAfterStartIssue);

export const offerList = z.strictObject({ status: offerStatus.optional(), ...pagination });

export const offerActivate = z.strictObject({ offer: prefixedId('ofr'), account: prefixedId('loy') });
/** The activation body on the wire (the offer is in the path). */
export const activationBody = z.strictObject({ account: prefixedId('loy') });

export type Incentive = z.infer<typeof incentive>;
export type Targeting = z.infer<typeof targeting>;
export type OfferStatus = z.infer<typeof offerStatus>;
export type OfferCreateParams = z.input<typeof offerCreate>;
export type OfferUpdateParams = z.input<typeof offerUpdate>;
export type OfferListParams = z.input<typeof offerList>;
export type OfferActivateParams = z.input<typeof offerActivate>;
