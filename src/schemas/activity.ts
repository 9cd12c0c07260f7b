import { z } from 'zod';
import { minorUnits, pagination, prefixedId, timestamp } from './common.js';

const paymentCompleted = z.strictObject({
  /** A qualifying payment. */
  type: z.literal('payment.completed'),
  /** The loyalty account (`loy_…`) that paid. */
  account: prefixedId('loy'),
  /** Your payment id: the same id again replays the original result (at most one redemption per offer). */
  payment_id: z.string().min(1).max(255),
  /** Amount paid, in integer minor units (e.g. cents). */
  amount: minorUnits().min(0).max(1_000_000_000_000),
  /** ISO 4217 code, e.g. `eur`. */
  currency: z.string().regex(/^[a-zA-Z]{3}$/, 'expected a 3-letter ISO currency code'),
  /** When the payment happened (default now; up to 300 s ahead of the server clock is taken as now); decides which offer windows apply. */
  occurred_at: timestamp.optional(),
});

const paymentRefunded = z.strictObject({
  /** A refund of a tracked payment or a completed checkout. */
  type: z.literal('payment.refunded'),
  /** The loyalty account (`loy_…`) the payment belongs to. */
  account: prefixedId('loy'),
  /** The refunded payment's id. */
  payment_id: z.string().min(1).max(255),
  /** Your refund id: the same id again replays the original result. */
  refund_id: z.string().min(1).max(255),
  /** Minor units refunded (default: what is left of the charged amount). */
  amount: minorUnits().min(1).max(1_000_000_000_000).optional(),
  /** When the refund happened (default now; up to 300 s ahead of the server clock is taken as now). */
  occurred_at: timestamp.optional(),
});

export const eventTrack = z.discriminatedUnion('type', [paymentCompleted, paymentRefunded]).meta({
  description:
    'A payment (`payment.completed`) or a refund of one (`payment.refunded`). `occurred_at` (default now) decides ' +
    'which offer windows apply; up to 300 s ahead of the server clock is taken as now, further ahead is refused. ' +
    'The same `payment_id` (or `refund_id`) again replays the original result; a `payment_id` reused with another ' +
    'account, amount or currency is a 409 `payment_conflict`.',
});

export const redemptionList = z.strictObject({
  /** Only redemptions of this offer (`ofr_…`). */
  offer: prefixedId('ofr').optional(),
  /** Only redemptions by this account (`loy_…`). */
  account: prefixedId('loy').optional(),
  ...pagination,
});

export const pointsTransactionList = z.strictObject({
  /** The account (`loy_…`) whose transactions to list. */
  account: prefixedId('loy'),
  ...pagination,
});

export const webhookEndpointCreate = z.strictObject({
  /** HTTPS (or HTTP) URL that receives signed POSTs. */
  url: z.url({ protocol: /^https?$/ }).max(2048),
  /** Event types to receive, or `['*']` for all (default). */
  events: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
  /** Free text for your own reference. */
  description: z.string().max(500).optional(),
});
export const webhookEndpointList = z.strictObject({ ...pagination });

export const eventList = z.strictObject({
  /** Only events of this type, e.g. `loyalty.offer.redeemed`. */
  type: z.string().min(1).max(100).optional(),
  ...pagination,
});

/** Params of `vinr.engagement.events.track`: a qualifying payment, or a refund of one. */
export type EventTrackParams = z.input<typeof eventTrack>;
/** Params of `events.track` for `payment.completed`. */
export type PaymentCompletedParams = z.input<typeof paymentCompleted>;
/** Params of `events.track` for `payment.refunded`. */
export type PaymentRefundedParams = z.input<typeof paymentRefunded>;
/** Params of `vinr.engagement.redemptions.list`. */
export type RedemptionListParams = z.input<typeof redemptionList>;
/** Params of `vinr.engagement.pointsTransactions.list`. */
export type PointsTransactionListParams = z.input<typeof pointsTransactionList>;
/** Params of `vinr.webhookEndpoints.create`. */
export type WebhookEndpointCreateParams = z.input<typeof webhookEndpointCreate>;
/** Params of `vinr.webhookEndpoints.list`: cursor pagination. */
export type WebhookEndpointListParams = z.input<typeof webhookEndpointList>;
/** Params of `vinr.events.list`. */
export type EventListParams = z.input<typeof eventList>;
