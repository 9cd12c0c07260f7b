import { z } from 'zod';
import { metadata, minorUnits, pagination, prefixedId, segmentKey, timestamp, timestampOrDate } from './common.js';

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
    max_discount: minorUnits().positive().nullable().optional(),
  }),
  z.strictObject({
    type: z.literal('gift_reward'),
    reward: prefixedId('rwd'),
  }),
]);

export const targeting = z.strictObject({
  /** The member is in any of these segment keys. */
  segments: z.array(segmentKey).max(100).optional(),
  /** The member has any of these tiers. */
  tiers: z.array(z.string().min(1).max(64)).max(100).optional(),
  /** Points balance at least this, measured before the purchase's own points. */
  min_balance: z.number().int().min(0).optional(),
  /** The member enrolled before this time: a timestamp, or a date `YYYY-MM-DD` (00:00 UTC). Returned in UTC. */
  enrolled_before: timestampOrDate.optional(),
  /** Every key equals the account's metadata value (type-sensitive); a missing key fails. */
  metadata: metadata.optional(),
});

export const activation = z.enum(['auto', 'opt_in']);
export const offerStatus = z.enum(['draft', 'active', 'paused', 'expired']);

const offerFields = {
  /** Display name (1-200 characters). */
  name: z.string().min(1).max(200),
  /** What the member gets: `points_multiplier`, `points_bonus`, `percentage_discount` or `gift_reward`. */
  incentive,
  /** Who qualifies; `{}` (default) means every active member. All conditions must pass. */
  targeting: targeting.optional(),
  /** `auto` (default for multiplier and discount) or `opt_in` (default for bonus and gift reward). */
  activation: activation.optional(),
  /** Start of the window (default: creation time). ISO 8601 with a zone. */
  starts_at: timestamp.optional(),
  /** End of the window, after `starts_at`; `null` (default) for open-ended. */
  ends_at: timestamp.nullable().optional(),
  /** Cap on all redemptions; reaching it expires the offer. `null` (default) for no cap. */
  max_redemptions: z.number().int().positive().nullable().optional(),
  /** Redemptions allowed per member (default 1). */
  per_member_limit: z.number().int().positive().optional(),
  /** Your key-value data (string, number or boolean values). */
  metadata: metadata.optional(),
};

const endsAfterStart = (o: { starts_at?: string | undefined; ends_at?: string | null | undefined }) =>
  !o.starts_at || !o.ends_at || Date.parse(o.ends_at) > Date.parse(o.starts_at);
const endsAfterStartIssue = { message: 'must be after starts_at', path: ['ends_at'] };

/** Rules that span fields, which JSON Schema cannot state: `openapi.json` carries them as the description. */
const crossFieldRules =
  '`ends_at` must be after `starts_at`. `percent` has at most 2 decimals. `activation` defaults to `auto` for ' +
  '`points_multiplier` and `percentage_discount`, `opt_in` for `points_bonus` and `gift_reward`.';

export const offerCreate = z
  .strictObject(offerFields)
  .refine(endsAfterStart, endsAfterStartIssue)
  .meta({ description: crossFieldRules });

export const offerUpdate = z
  .strictObject({
    /** Display name (1-200 characters). */
    name: offerFields.name.optional(),
    /** What the member gets: `points_multiplier`, `points_bonus`, `percentage_discount` or `gift_reward`. */
    incentive: incentive.optional(),
    /** Who qualifies; `{}` (default) means every active member. All conditions must pass. */
    targeting: offerFields.targeting,
    /** `auto` (default for multiplier and discount) or `opt_in` (default for bonus and gift reward). */
    activation: offerFields.activation,
    /** Start of the window (default: creation time). ISO 8601 with a zone. */
    starts_at: offerFields.starts_at,
    /** End of the window, after `starts_at`; `null` (default) for open-ended. */
    ends_at: offerFields.ends_at,
    /** Cap on all redemptions; reaching it expires the offer. `null` (default) for no cap. */
    max_redemptions: offerFields.max_redemptions,
    /** Redemptions allowed per member (default 1). */
    per_member_limit: offerFields.per_member_limit,
    /** Your key-value data (string, number or boolean values). */
    metadata: offerFields.metadata,
  })
  .refine(endsAfterStart, endsAfterStartIssue)
  .meta({ description: `${crossFieldRules} After publish only \`name\` and \`metadata\` may change.` });

export const offerList = z.strictObject({
  /** Only offers with this derived status. */
  status: offerStatus.optional(),
  /** Only offers this account (`loy_…`) is eligible for now (as `checkEligibility` says). */
  eligible_for: prefixedId('loy').optional(),
  ...pagination,
});

export const offerActivate = z.strictObject({
  /** The opt-in offer (`ofr_…`). */
  offer: prefixedId('ofr'),
  /** The member's account (`loy_…`). */
  account: prefixedId('loy'),
});
/** The activation body on the wire (the offer is in the path). */
export const activationBody = z.strictObject({ account: prefixedId('loy') });

/** What an offer gives: a points multiplier, a points bonus, a percentage discount or a gift reward. */
export type Incentive = z.infer<typeof incentive>;
/** Who qualifies for an offer; evaluated at activation and again at redemption. */
export type Targeting = z.infer<typeof targeting>;
/** An offer's status, derived when read: `draft`, `active`, `paused` or `expired`. */
export type OfferStatus = z.infer<typeof offerStatus>;
/** Params of `vinr.engagement.offers.create`. */
export type OfferCreateParams = z.input<typeof offerCreate>;
/** Params of `vinr.engagement.offers.update`: after publish only `name` and `metadata` may change. */
export type OfferUpdateParams = z.input<typeof offerUpdate>;
/** Params of `vinr.engagement.offers.list`. */
export type OfferListParams = z.input<typeof offerList>;
/** Params of `vinr.engagement.offers.activate`. */
export type OfferActivateParams = z.input<typeof offerActivate>;
