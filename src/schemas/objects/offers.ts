import { z } from 'zod';
import { activation, incentive, offerStatus, targeting } from '../offers.js';
import { idOf, metadataObject, utc } from './common.js';

export const offer = z
  .object({
    id: idOf('ofr'),
    object: z.literal('offer'),
    name: z.string(),
    incentive,
    // As stored: every timestamp in UTC (a date sent as `enrolled_before` comes back as that day's midnight).
    targeting: targeting.extend({ enrolled_before: utc.optional() }),
    activation,
    starts_at: utc,
    ends_at: utc.nullable(),
    max_redemptions: z.number().int().positive().nullable(),
    per_member_limit: z.number().int().positive(),
    /** Derived when read: `expired` > `paused` > `draft` > `active`. */
    status: offerStatus,
    /** Committed, not reversed, redemptions. */
    redemption_count: z.number().int().min(0),
    /** Slots held by open checkouts (they count against `max_redemptions` like redemptions). */
    reserved_count: z.number().int().min(0),
    published_at: utc.nullable(),
    paused_at: utc.nullable(),
    expired_reason: z.enum(['ends_at', 'max_redemptions']).nullable(),
    metadata: metadataObject,
    created_at: utc,
    updated_at: utc,
  })
  .meta({ id: 'Offer', description: 'A targeted loyalty offer (`ofr_…`); its status is derived when read.' });

export const pointsTransaction = z
  .object({
    id: idOf('ptx'),
    object: z.literal('points_transaction'),
    account: idOf('loy'),
    /** Signed: reversals are negative. */
    points: z.number().int(),
    type: z.enum(['opening_balance', 'earn', 'offer', 'adjustment', 'reversal']),
    offer: idOf('ofr').nullable(),
    payment_id: z.string().nullable(),
    /** The refund that wrote this `reversal` (`null` otherwise). */
    refund_id: z.string().nullable(),
    created_at: utc,
  })
  .meta({ id: 'PointsTransaction', description: 'One entry of a member’s points ledger (`ptx_…`).' });

export const incentiveType = z.enum(['points_multiplier', 'points_bonus', 'percentage_discount', 'gift_reward']);

export const offerRedemption = z
  .object({
    id: idOf('rdm'),
    object: z.literal('offer_redemption'),
    offer: idOf('ofr'),
    account: idOf('loy'),
    activation: idOf('ofa').nullable(),
    incentive_type: incentiveType,
    points_transaction: pointsTransaction.nullable(),
    discount_amount: z.number().int().min(0).nullable(),
    reward: idOf('rwd').nullable(),
    payment_id: z.string().nullable(),
    /** The checkout (`chk_…`) that made this redemption, if any. */
    checkout: idOf('chk').nullable(),
    /** `reversed` once its payment was refunded in full: it no longer counts toward any limit. */
    status: z.enum(['active', 'reversed']),
    reversed_at: utc.nullable(),
    created_at: utc,
  })
  .meta({ id: 'OfferRedemption', description: 'One use of an offer by a member (`rdm_…`).' });

export const offerActivation = z
  .object({
    id: idOf('ofa'),
    object: z.literal('offer_activation'),
    offer: idOf('ofr'),
    account: idOf('loy'),
    status: z.enum(['active', 'consumed']),
    redemption: offerRedemption.nullable(),
    created_at: utc,
  })
  .meta({ id: 'OfferActivation', description: 'A member’s opt-in to an `opt_in` offer (`ofa_…`).' });

/** Why a member may not use an offer now. */
export const eligibilityReason = z.enum([
  'offer_not_active',
  'account_not_active',
  'targeting',
  'per_member_limit',
  'max_redemptions',
]);

export const offerEligibility = z
  .object({
    object: z.literal('offer_eligibility'),
    offer: idOf('ofr'),
    account: idOf('loy'),
    /** True exactly when `reasons` is empty. */
    eligible: z.boolean(),
    /** True when the offer is `opt_in` and the member has no `active` activation of it. */
    requires_activation: z.boolean(),
    /** Every check that fails now, each once, in this order. */
    reasons: z.array(eligibilityReason),
    /** The failing targeting keys (empty unless `reasons` includes `targeting`). */
    failed_conditions: z.array(z.enum(['segments', 'tiers', 'min_balance', 'enrolled_before', 'metadata'])),
    /** Slots left: of the offer (`null` without a cap) and of this member. Reserved slots count as used. */
    remaining: z.object({ offer: z.number().int().min(0).nullable(), member: z.number().int().min(0) }),
  })
  .meta({
    id: 'OfferEligibility',
    description: 'Whether a member can use an offer now, and why not. Reading it writes nothing.',
  });
