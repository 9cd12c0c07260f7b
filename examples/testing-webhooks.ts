/**
 * Recipe: test your webhook handler with the events your test causes. `mock.onEvent` hands each emitted event
 * over as the raw signed body and its `x-vinr-signature` header, exactly what your endpoint would receive, so
 * the handler's signature check runs for real (with `mock.webhookSecret` as the endpoint secret).
 *
 *   npx tsx examples/testing-webhooks.ts
 */
import { pathToFileURL } from 'node:url';
import type { VinrEvent } from '@vinr/sdk';
import { createVinrMock, type VinrMock } from '@vinr/sdk/mocks';
import { verifyWebhook } from '@vinr/sdk/webhooks';

/** Production code: the body of your POST /webhooks/vinr route. */
export function handleVinrWebhook(rawBody: string, signature: string, secret: string, seen: VinrEvent[]): void {
  const event = verifyWebhook(rawBody, signature, { secret });
  seen.push(event);
}

/**
 * Wires `mock`'s events to the handler; returns what it accepted and an unsubscribe function.
 * @example
 * ```ts
 * const hook = routeEventsTo(mock);
 * await vinr.engagement.offers.publish(offer.id);
 * expect(hook.seen.map((e) => e.type)).toContain('loyalty.offer.published');
 * ```
 */
export function routeEventsTo(mock: VinrMock) {
  const seen: VinrEvent[] = [];
  const off = mock.onEvent((_event, { payload, signature }) =>
    handleVinrWebhook(payload, signature, mock.webhookSecret, seen),
  );
  return { seen, off };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mock = createVinrMock();
  const vinr = mock.client();
  const hook = routeEventsTo(mock);
  const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
  const offer = await vinr.engagement.offers.create({ name: 'Bonus', incentive: { type: 'points_bonus', points: 50 } });
  await vinr.engagement.offers.publish(offer.id);
  await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
  console.log(hook.seen.map((e) => e.type).join('\n'));
  hook.off();
}
