import { Vinr } from '@vinr/sdk';
import {
  type OfferRedeemedData,
  type UnknownEvent,
  type VerifyWebhookOptions,
  type VinrEvent,
  verifyWebhook,
  type WebhookSignatureErrorReason,
} from '@vinr/sdk/webhooks';
import { expectTypeOf, test } from 'vitest';

test('verify returns the event union, narrowed by type', () => {
  const event = verifyWebhook('{}', 't=1,v1=00', { secret: 'whsec_x' });
  expectTypeOf(event).toEqualTypeOf<VinrEvent>();
  if (event.type === 'loyalty.offer.redeemed') {
    expectTypeOf(event.data).toEqualTypeOf<OfferRedeemedData>();
    expectTypeOf(event.data.offer).toEqualTypeOf<string>();
    expectTypeOf(event.data.points_transaction?.points).toEqualTypeOf<number | undefined>();
  }
  switch (event.type) {
    case 'loyalty.offer.activated':
      expectTypeOf(event.data.activation.status).toEqualTypeOf<'active' | 'consumed'>();
      break;
    case 'loyalty.offer.expired':
      expectTypeOf(event.data.offer.expired_reason).toEqualTypeOf<'ends_at' | 'max_redemptions' | null>();
      break;
    default:
      expectTypeOf((event as UnknownEvent).data).toEqualTypeOf<Record<string, unknown>>();
  }
});

test('the client methods share the types; payload must be raw', () => {
  const vinr = new Vinr({ secretKey: 'sk_x' });
  expectTypeOf(vinr.webhooks.verify).returns.toEqualTypeOf<VinrEvent>();
  expectTypeOf(vinr.webhooks.verifyAsync).returns.toEqualTypeOf<Promise<VinrEvent>>();
  expectTypeOf(vinr.webhooks.sign).returns.toEqualTypeOf<string>();
  // @ts-expect-error a parsed object is not a raw payload
  vinr.webhooks.verify({ id: 'evt_1' }, 't=1,v1=00');
  // the standalone functions fall back to VINR_WEBHOOK_SECRET, so the secret is optional
  expectTypeOf(verifyWebhook).parameter(2).toEqualTypeOf<VerifyWebhookOptions | undefined>();
  expectTypeOf<WebhookSignatureErrorReason>().toEqualTypeOf<
    | 'missing_header'
    | 'malformed_header'
    | 'no_matching_signature'
    | 'timestamp_out_of_tolerance'
    | 'payload_not_raw'
    | 'no_secret'
  >();
});
