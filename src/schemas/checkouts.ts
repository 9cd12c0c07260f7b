import { z } from 'zod';
import { metadata, minorUnits, pagination, prefixedId, timestamp } from './common.js';
import { activationBody, offerActivate } from './offers.js';

const amount = minorUnits().min(0).max(1_000_000_000_000);
const currency = z.string().regex(/^[a-zA-Z]{3}$/, 'expected a 3-letter ISO currency code');

export const checkoutCreate = z.strictObject({
  /** The loyalty account (`loy_…`) that is paying. */
  account: prefixedId('loy'),
  /** Cart total before discounts, in integer minor units (e.g. cents). */
  amount,
  /** ISO 4217 code, e.g. `eur`. */
  currency,
  /** How long the quote (and its reserved slots) holds: 60 s to 7 days (default 900). */
  ttl_seconds: z.number().int().min(60).max(604_800).optional(),
  /** Your key-value data (string, number or boolean values). */
  metadata: metadata.optional(),
});

export const checkoutPreview = z.strictObject({
  /** The loyalty account (`loy_…`) whose cart to price. */
  account: prefixedId('loy'),
  /** Cart total before discounts, in integer minor units. */
  amount,
  /** ISO 4217 code, e.g. `eur`. */
  currency,
});

export const checkoutUpdate = z.strictObject({
  /** New cart total: re-quotes the checkout (even when unchanged), keeping its own reserved slots. */
  amount: amount.optional(),
  /** Replaces the whole metadata map. */
  metadata: metadata.optional(),
});

export const checkoutComplete = z.strictObject({
  /** Your payment id for the charge of `amount_due`; used once across payments and checkouts. */
  payment_id: z.string().min(1).max(255),
  /** When the payment happened (default now; up to 300 s ahead of the server clock is taken as now). */
  occurred_at: timestamp.optional(),
});

export const checkoutStatus = z.enum(['open', 'completed', 'canceled', 'expired']);

export const checkoutList = z.strictObject({
  /** Only checkouts of this account (`loy_…`). */
  account: prefixedId('loy').optional(),
  /** Only checkouts with this status (`expired` = open past `expires_at`). */
  status: checkoutStatus.optional(),
  ...pagination,
});

/** `{ offer, account }`: the same pair as an activation's. */
export const offerCheckEligibility = offerActivate;
/** The eligibility query on the wire (the offer is in the path): the account, as in an activation's body. */
export const eligibilityQuery = activationBody;

/** Params of `vinr.engagement.checkouts.create`. */
export type CheckoutCreateParams = z.input<typeof checkoutCreate>;
/** Params of `vinr.engagement.checkouts.preview`. */
export type CheckoutPreviewParams = z.input<typeof checkoutPreview>;
/** Params of `vinr.engagement.checkouts.update`. */
export type CheckoutUpdateParams = z.input<typeof checkoutUpdate>;
/** Params of `vinr.engagement.checkouts.complete`. */
export type CheckoutCompleteParams = z.input<typeof checkoutComplete>;
/** Params of `vinr.engagement.checkouts.list`. */
export type CheckoutListParams = z.input<typeof checkoutList>;
/** A checkout's status: `open`, `completed`, `canceled` or `expired` (open past `expires_at`). */
export type CheckoutStatus = z.infer<typeof checkoutStatus>;
/** Params of `vinr.engagement.offers.checkEligibility`. */
export type OfferCheckEligibilityParams = z.input<typeof offerCheckEligibility>;
