import type { Checkout, CheckoutNotOpenError, OfferEligibility, RefundExceedsPaymentError } from '@vinr/sdk';
import {
  type OfferRedemptionReversedData,
  type PointsReversedData,
  type VinrEvent,
  verifyWebhook,
} from '@vinr/sdk/webhooks';
import { expectTypeOf, test } from 'vitest';

test('refund events narrow by type: points reversed, then redemption reversed', () => {
  const event = verifyWebhook('{}', 't=1,v1=00', { secret: 'whsec_x' });
  expectTypeOf(event).toEqualTypeOf<VinrEvent>();
  if (event.type === 'loyalty.points.reversed') {
    expectTypeOf(event.data).toEqualTypeOf<PointsReversedData>();
    expectTypeOf(event.data.points_transaction.type).toEqualTypeOf<
      'opening_balance' | 'earn' | 'offer' | 'adjustment' | 'reversal'
    >();
    expectTypeOf(event.data.refund_id).toEqualTypeOf<string>();
  }
  if (event.type === 'loyalty.offer.redemption_reversed') {
    expectTypeOf(event.data).toEqualTypeOf<OfferRedemptionReversedData>();
    expectTypeOf(event.data.redemption.status).toEqualTypeOf<'active' | 'reversed'>();
  }
});

test('checkout and eligibility types carry their unions and typed error fields', () => {
  expectTypeOf<Checkout['status']>().toEqualTypeOf<'open' | 'completed' | 'canceled' | 'expired'>();
  expectTypeOf<OfferEligibility['remaining']>().toEqualTypeOf<{ offer: number | null; member: number }>();
  expectTypeOf<CheckoutNotOpenError['lostOffers']>().toEqualTypeOf<string[]>();
  expectTypeOf<RefundExceedsPaymentError['refundable']>().toEqualTypeOf<number>();
});
