import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Vinr, type VinrEvent } from '@vinr/sdk';
import { createVinrMock, type WebhookChaosOptions } from '@vinr/sdk/mocks';
import { afterEach, expect, test } from 'vitest';

const servers: Server[] = [];
afterEach(() =>
  Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((r) => s.close(r));
    }),
  ),
);

/**
 * The merchant handler under test: verifies, then credits each redemption once, keyed by event id (the recipe in
 * docs/testing.md). Returns what it saw and what it applied.
 */
function merchantHandler(secret: () => string) {
  const seen: string[] = [];
  const applied = new Map<string, VinrEvent>();
  const vinr = new Vinr({ secretKey: 'sk_unused' });
  return {
    seen,
    applied,
    handle(payload: string, signature: string) {
      const event = vinr.webhooks.verify(payload, signature, { secret: secret() });
      seen.push(event.id);
      if (applied.has(event.id)) return; // already processed: a duplicate delivery
      applied.set(event.id, event);
    },
  };
}

async function receiver(onBody: (payload: string, signature: string) => void): Promise<string> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    onBody(Buffer.concat(chunks).toString(), String(req.headers['x-vinr-signature']));
    res.writeHead(204).end();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
}

async function publishThree(mock: ReturnType<typeof createVinrMock>) {
  const vinr = mock.client();
  for (let i = 0; i < 3; i++) {
    const offer = await vinr.engagement.offers.create({
      name: `o${i}`,
      incentive: { type: 'points_bonus', points: 5 },
    });
    await vinr.engagement.offers.publish(offer.id);
    if (i === 0) await vinr.engagement.offers.pause(offer.id);
  }
  await mock.webhooks.idle();
}

test('duplicate delivers every event twice to endpoints and listeners; an idempotent handler applies each once', async () => {
  const chaos: WebhookChaosOptions = { duplicate: true };
  const mock = createVinrMock({ now: '2026-01-10T00:00:00Z', webhooks: chaos });
  let endpointSecret = '';
  const endpoint = merchantHandler(() => endpointSecret);
  const listener = merchantHandler(() => mock.webhookSecret);
  const url = await receiver((p, s) => endpoint.handle(p, s));
  endpointSecret = (await mock.client().webhookEndpoints.create({ url })).secret ?? '';
  mock.onEvent((_e, { payload, signature }) => listener.handle(payload, signature));
  await publishThree(mock);

  const emitted = mock.events.map((e) => e.id);
  expect(emitted.length).toBeGreaterThanOrEqual(4);
  for (const h of [endpoint, listener]) {
    expect([...h.seen].sort()).toEqual([...emitted, ...emitted].sort());
    expect([...h.applied.keys()].sort()).toEqual([...emitted].sort());
  }
  expect(mock.webhooks.deliveries).toHaveLength(emitted.length * 2);
  expect(mock.webhooks.deliveries.every((d) => d.status === 'succeeded')).toBe(true);
});

test('shuffle hands events out in another order than emitted, each exactly once', async () => {
  const mock = createVinrMock({ now: '2026-01-10T00:00:00Z', webhooks: { shuffle: true } });
  const order: string[] = [];
  const url = await receiver((payload) => order.push((JSON.parse(payload) as VinrEvent).id));
  await mock.client().webhookEndpoints.create({ url });
  const heard: string[] = [];
  mock.onEvent((event) => heard.push(event.id));
  const vinr = mock.client();
  // Emitted in one burst, so they land in one batch.
  const offers = await Promise.all(
    [1, 2, 3, 4].map((i) =>
      vinr.engagement.offers.create({ name: `o${i}`, incentive: { type: 'points_bonus', points: 1 } }),
    ),
  );
  await Promise.all(offers.map((o) => vinr.engagement.offers.publish(o.id)));
  await mock.webhooks.idle();
  const emitted = mock.events.map((e) => e.id);
  expect(emitted).toHaveLength(4);
  expect([...heard].sort()).toEqual([...emitted].sort());
  expect(heard).not.toEqual(emitted);
  // Endpoint deliveries are concurrent POSTs; what matters is that every event arrives once.
  expect([...order].sort()).toEqual([...emitted].sort());
  // mock.events stays the log, in emission order.
  expect(mock.events.map((e) => e.type)).toEqual(Array(4).fill('loyalty.offer.published'));
});

test('without chaos, listeners hear each event once, in order, before the emitting call resolves', async () => {
  const mock = createVinrMock({ now: '2026-01-10T00:00:00Z' });
  const heard: string[] = [];
  mock.onEvent((event) => heard.push(event.type));
  await publishThree(mock);
  expect(heard).toEqual(mock.events.map((e) => e.type));
});
