import { z } from 'zod';
import { idOf, money, utc } from './common.js';
import { offer, offerActivation, offerRedemption, pointsTransaction } from './offers.js';

export const engagementEvent = z
  .object({
    id: idOf('eng'),
    object: z.literal('engagement_event'),
    type: z.enum(['payment.completed', 'payment.refunded']),
    account: idOf('loy'),
    payment_id: z.string(),
    /** The refund's id (`payment.refunded`); `null` for payments. */
    refund_id: z.string().nullable(),
    amount: money.min(0),
    currency: z.string(),
    occurred_at: utc,
    /**
     * The base `earn` transaction's points only; offer bonuses are in `redemptions[].points_transaction`. For a
     * refund, the base earn's reversal (≤ 0).
     */
    points_earned: z.number().int(),
    /** Sum of the discounts applied, `0` when none. */
    discount_amount: money.min(0),
    /** Every transaction the event wrote. */
    points_transactions: z.array(pointsTransaction),
    redemptions: z.array(offerRedemption),
    created_at: utc,
  })
  .meta({ id: 'EngagementEvent', description: 'The result of tracking a payment or a refund (`eng_…`).' });

export const webhookEndpoint = z
  .object({
    id: idOf('we'),
    object: z.literal('webhook_endpoint'),
    url: z.string(),
    /** Event types delivered, or `['*']` for all. */
    events: z.array(z.string()),
    description: z.string().nullable(),
    /** The `whsec_…` signing secret: in the response of `create` only. */
    secret: z.string().optional(),
    created_at: utc,
  })
  .meta({ id: 'WebhookEndpoint', description: 'A URL that receives signed event deliveries (`we_…`).' });

export const deletedWebhookEndpoint = z
  .object({ id: idOf('we'), object: z.literal('webhook_endpoint'), deleted: z.literal(true) })
  .meta({ id: 'DeletedWebhookEndpoint', description: 'What deleting an endpoint returns.' });

const eventOf = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ id: idOf('evt'), object: z.literal('event'), type: z.literal(type), created_at: utc, data });

export const offerRedeemedData = z.object({
  offer: idOf('ofr'),
  account: idOf('loy'),
  redemption: offerRedemption,
  points_transaction: pointsTransaction.nullable(),
  discount_amount: money.nullable(),
  reward: idOf('rwd').nullable(),
});

export const offerRedemptionReversedData = z.object({
  offer: idOf('ofr'),
  account: idOf('loy'),
  redemption: offerRedemption,
  refund_id: z.string(),
});

export const pointsReversedData = z.object({
  account: idOf('loy'),
  points_transaction: pointsTransaction,
  refund_id: z.string(),
});

/** An emitted event, as `GET /events/:id` returns it and as webhook deliveries carry it. */
export const event = z
  .discriminatedUnion('type', [
    eventOf('loyalty.offer.published', z.object({ offer })),
    eventOf('loyalty.offer.paused', z.object({ offer })),
    eventOf('loyalty.offer.resumed', z.object({ offer })),
    eventOf('loyalty.offer.expired', z.object({ offer })),
    eventOf('loyalty.offer.activated', z.object({ activation: offerActivation })),
    eventOf('loyalty.offer.redeemed', offerRedeemedData),
    eventOf('loyalty.offer.redemption_reversed', offerRedemptionReversedData),
    eventOf('loyalty.points.reversed', pointsReversedData),
  ])
  .meta({ id: 'Event', description: 'An emitted event (`evt_…`), discriminated by `type`.' });
