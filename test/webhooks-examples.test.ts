import type { AddressInfo } from 'node:net';
import { Vinr } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import worker from '../examples/cloudflare-worker.js';
import { keepRawBody, vinrWebhookRouter } from '../examples/webhooks-express.js';
import { vinrWebhooks } from '../examples/webhooks-fastify.js';
import { vinrWebhookRoutes } from '../examples/webhooks-hono.js';
import { POST } from '../examples/webhooks-nextjs.js';
import { redeemedBonus } from './support/offers.js';

/**
 * A real delivery: the reference server publishes and redeems an offer, and hands out each event as the raw
 * signed body and its `x-vinr-signature`, exactly what a webhook route receives.
 */
async function deliveryFromMock() {
  const mock = createVinrMock();
  const signed: { payload: string; signature: string }[] = [];
  mock.onEvent((event, delivery) => {
    if (event.type === 'loyalty.offer.redeemed') signed.push(delivery);
  });
  const vinr = mock.client();
  const { account, offer } = await redeemedBonus(vinr, 'Gold bonus', 100);
  const { payload, signature } = signed[0]!;
  const tampered = payload.replace(`"${account.id}"`, '"loy_someone_else"');
  expect(tampered).not.toBe(payload);
  const eventId = (JSON.parse(payload) as { id: string }).id;
  return { mock, offer, payload, signature, tampered, eventId, secret: mock.webhookSecret };
}

type Delivery = Awaited<ReturnType<typeof deliveryFromMock>>;
let d: Delivery;
const handled: string[] = [];
const handle = async (event: { id: string }) => {
  handled.push(event.id);
};
beforeEach(async () => {
  d = await deliveryFromMock();
  handled.length = 0;
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** POSTs a delivery to a listening app, as VINR does. */
const post = (url: string, body: string, signature: string) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-vinr-signature': signature } });

async function listening(server: import('node:http').Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/vinr`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Express recipe, through a listening app with express.json() registered globally', () => {
  test('express.json({ verify: keepRawBody }) first: a signed delivery passes, a tampered one is refused', async () => {
    const app = express();
    app.use(express.json({ verify: keepRawBody }));
    app.post('/api/echo', (req, res) => void res.json(req.body)); // JSON parsing still works elsewhere
    app.use(vinrWebhookRouter(new Vinr({ secretKey: 'sk_x', webhookSecret: d.secret }), handle));
    const s = await listening(app.listen(0, '127.0.0.1'));
    try {
      const ok = await post(s.url, d.payload, d.signature);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ received: d.eventId });
      expect((await post(s.url, d.tampered, d.signature)).status).toBe(400);
      const again = await post(s.url, d.payload, d.signature);
      expect(again.status).toBe(200);
      expect(handled).toEqual([d.eventId]);
      const echo = await post(s.url.replace('/webhooks/vinr', '/api/echo'), '{"a":1}', '');
      expect(await echo.json()).toEqual({ a: 1 });
    } finally {
      await s.close();
    }
  });

  test('webhook router mounted before a plain express.json(): verified from express.raw', async () => {
    const app = express();
    app.use(vinrWebhookRouter(new Vinr({ secretKey: 'sk_x', webhookSecret: d.secret }), handle));
    app.use(express.json());
    const s = await listening(app.listen(0, '127.0.0.1'));
    try {
      expect((await post(s.url, d.payload, d.signature)).status).toBe(200);
      const refused = await post(s.url, d.tampered, d.signature);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ error: 'no_matching_signature' });
    } finally {
      await s.close();
    }
  });

  test('a plain express.json() that ran first is reported as a misconfiguration (500), never accepted', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = express();
    app.use(express.json());
    app.use(vinrWebhookRouter(new Vinr({ secretKey: 'sk_x', webhookSecret: d.secret }), handle));
    const s = await listening(app.listen(0, '127.0.0.1'));
    try {
      const res = await post(s.url, d.payload, d.signature);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: 'payload_not_raw' });
      expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/raw body/));
      expect(handled).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('Fastify recipe, through a listening app with its JSON parser active for other routes', () => {
  test('a signed delivery passes, a tampered one is refused, JSON routes still parse', async () => {
    const app = Fastify();
    app.post('/api/echo', async (req) => req.body);
    await app.register(vinrWebhooks(new Vinr({ secretKey: 'sk_x', webhookSecret: d.secret }), handle));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const ok = await post(`${base}/webhooks/vinr`, d.payload, d.signature);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ received: d.eventId });
      const refused = await post(`${base}/webhooks/vinr`, d.tampered, d.signature);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ error: 'no_matching_signature' });
      expect(handled).toEqual([d.eventId]);
      expect(await (await post(`${base}/api/echo`, '{"a":1}', '')).json()).toEqual({ a: 1 });
    } finally {
      await app.close();
    }
  });
});

describe('Fetch-based recipes (Next.js route handler, Hono, Cloudflare Worker)', () => {
  const request = (body: string, signature: string, url = 'http://localhost/webhooks/vinr') =>
    new Request(url, { method: 'POST', body, headers: { 'x-vinr-signature': signature } });

  test('Next.js: a signed delivery passes (once handled), a tampered one is a 400', async () => {
    vi.stubEnv('VINR_WEBHOOK_SECRET', d.secret);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    expect((await POST(request(d.payload, d.signature))).status).toBe(200);
    expect((await POST(request(d.payload, d.signature))).status).toBe(200);
    expect(console.log).toHaveBeenCalledTimes(1);
    const refused = await POST(request(d.tampered, d.signature));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'no_matching_signature' });
  });

  test('Hono: the secret from the app environment; signed passes, tampered is a 400', async () => {
    const app = new Hono<{ Bindings: { VINR_WEBHOOK_SECRET: string } }>();
    app.route(
      '/',
      vinrWebhookRoutes<{ VINR_WEBHOOK_SECRET: string }>((c) => c.env.VINR_WEBHOOK_SECRET, handle),
    );
    const env = { VINR_WEBHOOK_SECRET: d.secret };
    const ok = await app.request('/webhooks/vinr', request(d.payload, d.signature), env);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: d.eventId });
    const refused = await app.request('/webhooks/vinr', request(d.tampered, d.signature), env);
    expect(refused.status).toBe(400);
    expect(handled).toEqual([d.eventId]);
  });

  test('Cloudflare Worker: verifies, then reads the redeemed offer back through the API', async () => {
    const server = await d.mock.listen();
    try {
      const env = { VINR_SECRET_KEY: d.mock.secretKey, VINR_WEBHOOK_SECRET: d.secret, VINR_BASE_URL: server.baseURL };
      const ok = await worker.fetch(request(d.payload, d.signature), env);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ received: d.eventId, offer: d.offer.name, redemptions: 1 });
      const refused = await worker.fetch(request(d.tampered, d.signature), env);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ error: 'no_matching_signature' });
    } finally {
      await server.close();
    }
  });
});
