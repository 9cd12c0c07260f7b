import { Vinr, WebhookSignatureError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { verifyRequest } from '@vinr/sdk/webhooks';
import { afterEach, describe, expect, test, vi } from 'vitest';

/** A delivery signed by the reference server, as the route handler receives it. */
async function signedDelivery() {
  const mock = createVinrMock();
  const deliveries: { payload: string; signature: string }[] = [];
  mock.onEvent((_e, signed) => {
    deliveries.push(signed);
  });
  const offer = await mock.client().engagement.offers.create({
    name: 'Signed',
    incentive: { type: 'points_bonus', points: 5 },
  });
  await mock.client().engagement.offers.publish(offer.id);
  const delivery = deliveries.at(-1)!;
  const request = (body = delivery.payload, signature: string | null = delivery.signature) =>
    new Request('https://shop.example/webhooks/vinr', {
      method: 'POST',
      body,
      headers: signature === null ? { 'content-type': 'application/json' } : { 'x-vinr-signature': signature },
    });
  return { mock, offer, delivery, request };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('verifyRequest', () => {
  test('a request signed by the server gives back the typed event', async () => {
    const { mock, offer, request } = await signedDelivery();
    const event = await verifyRequest(request(), { secret: mock.webhookSecret });
    expect(event.type).toBe('loyalty.offer.published');
    if (event.type === 'loyalty.offer.published') expect(event.data.offer.id).toBe(offer.id);
  });

  test('a tampered body, a missing header and a wrong secret are refused with their reasons', async () => {
    const { mock, delivery, request } = await signedDelivery();
    const tampered = delivery.payload.replace('"Signed"', '"Signed!"');
    await expect(verifyRequest(request(tampered), { secret: mock.webhookSecret })).rejects.toMatchObject({
      reason: 'no_matching_signature',
    });
    await expect(verifyRequest(request(undefined, null), { secret: mock.webhookSecret })).rejects.toMatchObject({
      reason: 'missing_header',
    });
    await expect(verifyRequest(request(), { secret: 'whsec_other' })).rejects.toBeInstanceOf(WebhookSignatureError);
  });

  test('a body already read is refused with a message saying to verify first', async () => {
    const { mock, request } = await signedDelivery();
    const req = request();
    await req.text();
    const e = await verifyRequest(req, { secret: mock.webhookSecret }).catch((x: unknown) => x);
    expect(e).toMatchObject({ reason: 'payload_not_raw' });
    expect((e as Error).message).toMatch(/already read.*verifyRequest first/s);
  });

  test('something that is not a Request is a rejection naming the alternative, never a throw', async () => {
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = verifyRequest({ body: '{}' } as unknown as Request, { secret: 'whsec_x' });
    }).not.toThrow();
    await expect(promise).rejects.toThrow(/Fetch API Request[\s\S]*verifyAsync/);
  });

  test('vinr.webhooks.verifyRequest uses the client webhookSecret and honours tolerance/now', async () => {
    const { mock, request } = await signedDelivery();
    const vinr = new Vinr({ secretKey: 'sk_test_x', webhookSecret: mock.webhookSecret });
    await expect(vinr.webhooks.verifyRequest(request())).resolves.toMatchObject({ object: 'event' });
    const later = Date.now() + 3_600_000;
    await expect(vinr.webhooks.verifyRequest(request(), { now: later })).rejects.toMatchObject({
      reason: 'timestamp_out_of_tolerance',
    });
  });
});

test('where node:crypto is missing, sync verify throws a VinrError pointing to verifyAsync and verifyRequest', async () => {
  vi.resetModules();
  vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
  const fresh = await import('@vinr/sdk/webhooks');
  const header = `t=1,v1=${'0'.repeat(64)}`;
  const e = (() => {
    try {
      fresh.verifyWebhook('{}', header, { secret: 'whsec_x', now: 1000 });
    } catch (x) {
      return x;
    }
  })();
  // A fresh module graph has its own class: match by name, as isVinrError does.
  expect(e).toMatchObject({ name: 'VinrError' });
  expect(e).not.toBeInstanceOf(fresh.WebhookSignatureError);
  expect((e as Error).message).toMatch(/node:crypto[\s\S]*verifyRequest[\s\S]*verifyAsync/);
});
