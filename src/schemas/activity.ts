import { z } from 'zod';
import { pagination, prefixedId, timestamp } from './common.js';

export const eventTrack = z.strictObject({
  type: z.literal('payment.completed'),
  account: prefixedId('loy'),
  payment_id: z.string().min(1).max(255),
  amount: z.number().int().min(0).max(1_000_000_000_000),
  currency: z.string().regex(/^[a-zA-Z]{3}$/, 'expected a 3-letter ISO currency code'),
  occurred_at: timestamp.optional(),
});

export const redemptionList = z.strictObject({
  offer: prefixedId('ofr').optional(),
  account: prefixedId('loy').optional(),
  ...pagination,
});

export const pointsTransactionList = z.strictObject({ account: prefixedId('loy'), ...pagination });

export const webhookEndpointCreate = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  events: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
  description: z.string().max(500).optional(),
});
export const webhookEndpointList = z.strictObject({ ...pagination });

export const eventList = z.strictObject({ type: z.string().min(1).max(100).optional(), ...pagination });

export type EventTrackParams = z.input<typeof eventTrack>;
export type RedemptionListParams = z.input<typeof redemptionList>;
export type PointsTransactionListParams = z.input<typeof pointsTransactionList>;
export type WebhookEndpointCreateParams = z.input<typeof webhookEndpointCreate>;
export type WebhookEndpointListParams = z.input<typeof webhookEndpointList>;
export type EventListParams = z.input<typeof eventList>;
