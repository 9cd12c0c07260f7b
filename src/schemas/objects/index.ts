/**
 * The objects the API returns, as zod schemas. They are the single source of the public response types
 * (inferred below) and of `openapi.json`; the SDK never parses responses with them (no cost per request).
 */
import type { z } from 'zod';
import { deletedWebhookEndpoint, engagementEvent, event, webhookEndpoint } from './activity.js';
import { checkout, type checkoutApplied, checkoutPreview } from './checkouts.js';
import { error } from './common.js';
import { loyaltyAccount, reward, segment } from './members.js';
import {
  type eligibilityReason,
  offer,
  offerActivation,
  offerEligibility,
  offerRedemption,
  pointsTransaction,
} from './offers.js';

/** Every object, by the name `openapi.json` gives it under `components.schemas`. */
export const objects = {
  Offer: offer,
  OfferActivation: offerActivation,
  OfferRedemption: offerRedemption,
  OfferEligibility: offerEligibility,
  PointsTransaction: pointsTransaction,
  LoyaltyAccount: loyaltyAccount,
  Segment: segment,
  Reward: reward,
  EngagementEvent: engagementEvent,
  Checkout: checkout,
  CheckoutPreview: checkoutPreview,
  WebhookEndpoint: webhookEndpoint,
  DeletedWebhookEndpoint: deletedWebhookEndpoint,
  Event: event,
  Error: error,
} as const;

/** The name of an object of the API, e.g. `'Offer'`. */
export type ObjectName = keyof typeof objects;

/** A targeted loyalty offer (`ofr_…`). Its `status` is derived when read. */
export type Offer = z.infer<typeof offer>;
/** A member's opt-in to an `opt_in` offer (`ofa_…`). */
export type OfferActivation = z.infer<typeof offerActivation>;
/** One use of an offer by a member (`rdm_…`). */
export type OfferRedemption = z.infer<typeof offerRedemption>;
/** Whether a member can use an offer now, and why not. */
export type OfferEligibility = z.infer<typeof offerEligibility>;
/** Why a member may not use an offer now (`OfferEligibility.reasons`). */
export type EligibilityReason = z.infer<typeof eligibilityReason>;
/** One entry of a member's points ledger (`ptx_…`). */
export type PointsTransaction = z.infer<typeof pointsTransaction>;
/** A member's loyalty account (`loy_…`). */
export type LoyaltyAccount = z.infer<typeof loyaltyAccount>;
/** A named group of members, keyed by `key` (e.g. `lapsed_90d`). */
export type Segment = z.infer<typeof segment>;
/** A catalog reward (`rwd_…`), the prize of a `gift_reward` offer. */
export type Reward = z.infer<typeof reward>;
/** The result of tracking a payment or a refund (`eng_…`). */
export type EngagementEvent = z.infer<typeof engagementEvent>;
/** A priced cart (`chk_…`) that reserves offer slots until completed, canceled or expired. */
export type Checkout = z.infer<typeof checkout>;
/** One offer a checkout quote applies; fields that do not apply to its incentive are `null`. */
export type CheckoutApplied = z.infer<typeof checkoutApplied>;
/** A checkout quote that stores and reserves nothing. */
export type CheckoutPreview = z.infer<typeof checkoutPreview>;
/** A URL that receives signed event deliveries (`we_…`); `secret` is present on create only. */
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;
/** What deleting a webhook endpoint returns. */
export type DeletedWebhookEndpoint = z.infer<typeof deletedWebhookEndpoint>;
/** The body of every error response. */
export type ErrorBody = z.infer<typeof error>;
