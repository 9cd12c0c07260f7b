import { BadRequestError, NotFoundError, Vinr, VinrValidationError, WebhookSignatureError } from '@vinr/sdk';
import { createVinrMock, type SignedEvent } from '@vinr/sdk/mocks';
import { verifyWebhook } from '@vinr/sdk/webhooks';
import { describe, expect, test } from 'vitest';

const bonus = { type: 'points_bonus' as const, points: 100 };

describe('mock.onEvent', () => {
  test('hands each event as the raw signed body, signed with mock.webhookSecret at the real time', async () => {
    // Business time years ago: created_at follows the mock clock, the signature follows real time.
    const mock = createVinrMock({ now: '2021-05-05T05:05:05Z', webhookSecret: 'whsec_custom_for_test' });
    const vinr = mock.client();
    const received: { type: string; signed: SignedEvent }[] = [];
    mock.onEvent((event, signed) => {
      received.push({ type: event.type, signed });
    });
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const offer = await vinr.engagement.offers.create({ name: 'Bonus', incentive: bonus });
    await vinr.engagement.offers.publish(offer.id);
    await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    // Already delivered when the emitting call resolved.
    expect(received.map((r) => r.type)).toEqual([
      'loyalty.offer.published',
      'loyalty.offer.activated',
      'loyalty.offer.redeemed',
    ]);

    const handlerSdk = new Vinr({ secretKey: 'sk_unused', webhookSecret: mock.webhookSecret });
    received.forEach(({ signed }, i) => {
      expect(signed.payload).toBe(JSON.stringify(mock.events[i]));
      const t = Number(/^t=(\d+),v1=[0-9a-f]{64}$/.exec(signed.signature)?.[1]);
      expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(60);
      const event = handlerSdk.webhooks.verify(signed.payload, signed.signature);
      expect(event.created_at).toBe('2021-05-05T05:05:05.000Z');
      expect(() => verifyWebhook(signed.payload, signed.signature, { secret: 'whsec_test_vinr_mock' })).toThrow(
        WebhookSignatureError,
      );
    });
    const redeemed = handlerSdk.webhooks.verify(received[2]!.signed.payload, received[2]!.signed.signature);
    if (redeemed.type !== 'loyalty.offer.redeemed') throw new Error(redeemed.type);
    expect(redeemed.data).toMatchObject({ offer: offer.id, account: account.id, points_transaction: { points: 100 } });
  });

  test('each listener gets its own copy, unsubscribe stops calls, and listeners survive reset()', async () => {
    const mock = createVinrMock();
    const vinr = mock.client();
    const a: string[] = [];
    const b: string[] = [];
    const offA = mock.onEvent((event) => {
      a.push(event.type);
      (event.data as Record<string, unknown>).tampered = true;
    });
    mock.onEvent((event) => {
      b.push(event.type);
      expect(event.data).not.toHaveProperty('tampered');
    });
    const first = await vinr.engagement.offers.create({ name: 'one', incentive: bonus });
    await vinr.engagement.offers.publish(first.id);
    offA();
    mock.reset();
    const second = await vinr.engagement.offers.create({ name: 'two', incentive: bonus });
    await vinr.engagement.offers.publish(second.id);
    await vinr.engagement.offers.pause(second.id);
    await mock.webhooks.idle();
    expect(a).toEqual(['loyalty.offer.published']);
    expect(b).toEqual(['loyalty.offer.published', 'loyalty.offer.published', 'loyalty.offer.paused']);
    expect(mock.events[0]?.data).not.toHaveProperty('tampered');
  });

  test('idle() waits for async listeners', async () => {
    const mock = createVinrMock();
    const vinr = mock.client();
    let done = 0;
    mock.onEvent(async () => {
      await new Promise((r) => setTimeout(r, 30));
      done++;
    });
    const offer = await vinr.engagement.offers.create({ name: 'x', incentive: bonus });
    await vinr.engagement.offers.publish(offer.id);
    expect(done).toBe(0);
    await mock.webhooks.idle();
    expect(done).toBe(1);
  });
});

describe('vinr.webhookEndpoints against the mock', () => {
  test('create returns a whsec_ secret once; list is newest first without secrets; delete', async () => {
    const mock = createVinrMock({ now: '2026-01-01T00:00:00Z' });
    const vinr = mock.client();
    const first = await vinr.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/a',
      events: ['loyalty.offer.redeemed', 'loyalty.offer.redeemed'],
      description: 'ledger',
    });
    expect(first).toEqual({
      id: expect.stringMatching(/^we_/),
      object: 'webhook_endpoint',
      url: 'http://127.0.0.1:9/a',
      events: ['loyalty.offer.redeemed'],
      description: 'ledger',
      secret: expect.stringMatching(/^whsec_\w{16,}$/),
      created_at: '2026-01-01T00:00:00.000Z',
    });
    const second = await vinr.webhookEndpoints.create({ url: 'https://localhost/b' });
    expect(second).toMatchObject({ events: ['*'], description: null });
    expect(second.secret).not.toBe(first.secret);

    const page = await vinr.webhookEndpoints.list();
    expect(page.data.map((e) => e.id)).toEqual([second.id, first.id]);
    expect(page.data.every((e) => !('secret' in e))).toBe(true);
    expect((await vinr.webhookEndpoints.list({ limit: 1 })).has_more).toBe(true);

    expect(await vinr.webhookEndpoints.delete(first.id)).toEqual({
      id: first.id,
      object: 'webhook_endpoint',
      deleted: true,
    });
    expect((await vinr.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([second.id]);
    // A cursor at a deleted endpoint still pages.
    expect((await vinr.webhookEndpoints.list({ starting_after: second.id })).data).toEqual([]);
    await expect(vinr.webhookEndpoints.delete(first.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('bad input is refused: an SDK-side validation error, or a 400 for an unknown event type', async () => {
    const mock = createVinrMock();
    const vinr = mock.client({ maxRetries: 0 });
    await expect(vinr.webhookEndpoints.create({ url: 'ftp://example.test' })).rejects.toBeInstanceOf(
      VinrValidationError,
    );
    const err = await vinr.webhookEndpoints
      .create({ url: 'https://localhost', events: ['loyalty.offer.redemed'] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toMatchObject({ code: 'invalid_request', param: 'events.0' });
    expect((await vinr.webhookEndpoints.list()).data).toEqual([]);
  });
});

describe('webhook endpoints outside loopback', () => {
  test.each([
    'http://169.254.169.254/latest/meta-data',
    'https://example.com/hooks',
    'http://0.0.0.0:8080/hooks',
    'http://localhost.example.com/hooks',
    'http://10.0.0.1/hooks',
    'http://[::ffff:a9fe:a9fe]/hooks',
  ])('%s is refused with 400 on url, saying how to allow it', async (url) => {
    const mock = createVinrMock();
    const err = await mock
      .client()
      .webhookEndpoints.create({ url })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).param).toBe('url');
    expect((err as BadRequestError).message).toContain('allowRemote: true');
    expect((err as BadRequestError).message).toContain('--allow-remote-webhooks');
    expect((await mock.client().webhookEndpoints.list()).data).toEqual([]);
  });

  test.each([
    'http://localhost:4000/hooks',
    'http://127.0.0.1:4000/hooks',
    'http://127.9.8.7/hooks',
    'http://[::1]:4000/hooks',
    'https://LOCALHOST/hooks',
  ])('%s (loopback) is accepted', async (url) => {
    const created = await createVinrMock().client().webhookEndpoints.create({ url });
    expect(created.url).toBe(url);
  });

  test('any host is accepted with webhooks.allowRemote', async () => {
    const mock = createVinrMock({ webhooks: { allowRemote: true } });
    const created = await mock.client().webhookEndpoints.create({ url: 'https://hooks.example.com/vinr' });
    expect(created.url).toBe('https://hooks.example.com/vinr');
  });
});
