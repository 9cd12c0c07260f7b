import { z } from 'zod';
import { engagementEvent } from './activity.js';
import { idOf, metadataObject, money, utc } from './common.js';
import { incentiveType } from './offers.js';

/** One offer a checkout quote applies; fields that do not apply are `null`. */
export const checkoutApplied = z.object({
  offer: idOf('ofr'),
  incentive_type: incentiveType,
  discount_amount: money.min(0).nullable(),
  points: z.number().int().nullable(),
  reward: idOf('rwd').nullable(),
});

const quote = {
  account: idOf('loy'),
  amount: money.min(0),
  currency: z.string(),
  /** Sum of the applied discounts. */
  discount_amount: money.min(0),
  /** What to charge: `amount − discount_amount`. */
  amount_due: money.min(0),
  /** Base earn plus every applied points amount. */
  points_preview: z.number().int(),
  applied: z.array(checkoutApplied),
};

export const checkoutPreview = z
  .object({ object: z.literal('checkout_preview'), ...quote })
  .meta({ id: 'CheckoutPreview', description: 'A checkout quote that stores and reserves nothing.' });

export const checkout = z
  .object({
    id: idOf('chk'),
    object: z.literal('checkout'),
    ...quote,
    status: z.enum(['open', 'completed', 'canceled', 'expired']),
    expires_at: utc,
    /** Set when completed. */
    payment_id: z.string().nullable(),
    /** What completing it committed: the result `events.track` of the same payment would return. */
    engagement_event: engagementEvent.nullable(),
    metadata: metadataObject,
    created_at: utc,
    completed_at: utc.nullable(),
    canceled_at: utc.nullable(),
  })
  .meta({
    id: 'Checkout',
    description: 'A priced cart (`chk_…`) that reserves offer slots until it is completed, canceled or expires.',
  });
