import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type OfferRedeemedData, Vinr, WebhookSignatureError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { bundleForNode, ROOT } from './support/bundle.js';

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void | Promise<void>;

const servers: Server[] = [];
const closeAll = () =>
  Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((r) => s.close(r));
    }),
  );
afterEach(closeAll);

/** A real webhook receiver on 127.0.0.1 that keeps the raw body, as a merchant's node:http handler would. */
async function receiver(handle: Handler): Promise<string> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    await handle(req, Buffer.concat(chunks), res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/vinr`;
}

async function bonusOffer(vinr: Vinr, points = 250) {
  const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
  const offer = await vinr.engagement.offers.create({
    name: 'Welcome bonus',
    incentive: { type: 'points_bonus', points },
  });
  await vinr.engagement.offers.publish(offer.id);
  return { account, offer };
}

describe('delivery to a registered endpoint', () => {
  test('a real handler verifies, de-duplicates by event id, and survives a redelivery after failing once', async () => {
    // Business time far in the past: signatures must still carry the real time (the handler uses the default tolerance).
    const mock = createVinrMock({ now: '2024-03-01T09:00:00Z', webhookDelivery: { retryDelays: [20, 50, 50] } });
    const vinr = mock.client();
    let secret = '';
    const receiverSdk = new Vinr({ secretKey: 'sk_unused' });
    const processed = new Set<string>();
    const granted: OfferRedeemedData[] = [];
    const seen: { status: number; reason?: string; id?: string }[] = [];
    let failNext = true;

    const url = await receiver((req, body, res) => {
      try {
        const event = receiverSdk.webhooks.verify(body, req.headers, { secret });
        if (event.type !== 'loyalty.offer.redeemed') throw new Error(`unexpected ${event.type}`);
        if (!processed.has(event.id)) {
          processed.add(event.id);
          granted.push(event.data);
        }
        // The first time, the handler crashes after its side effect: the 500 makes the mock redeliver.
        const status = failNext ? 500 : 200;
        failNext = false;
        seen.push({ status, id: event.id });
        res.writeHead(status).end();
      } catch (e) {
        seen.push({ status: 400, reason: (e as WebhookSignatureError).reason });
        res.writeHead(400).end();
      }
    });

    const endpoint = await vinr.webhookEndpoints.create({ url, events: ['loyalty.offer.redeemed'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    secret = endpoint.secret as string;

    const { account, offer } = await bonusOffer(vinr);
    const activation = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    expect(activation.status).toBe('consumed');
    await mock.webhooks.idle();

    const redeemed = mock.events.find((e) => e.type === 'loyalty.offer.redeemed');
    expect(redeemed?.id).toMatch(/^evt_/);
    expect(seen).toEqual([
      { status: 500, id: redeemed?.id },
      { status: 200, id: redeemed?.id },
    ]);
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({
      offer: offer.id,
      account: account.id,
      redemption: { id: activation.redemption?.id },
      points_transaction: { points: 250, type: 'offer' },
    });

    const deliveries = mock.webhooks.deliveries;
    expect(deliveries).toHaveLength(1); // `loyalty.offer.activated` was not subscribed to
    expect(deliveries[0]).toMatchObject({
      eventId: redeemed?.id,
      eventType: 'loyalty.offer.redeemed',
      endpointId: endpoint.id,
      url,
      status: 'succeeded',
    });
    expect(deliveries[0]?.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
  });

  test('every request carries JSON, the endpoint secret signature, and the event log agrees with the body', async () => {
    const mock = createVinrMock({ now: '2025-01-01T00:00:00Z' });
    const vinr = mock.client();
    const bodies: { body: string; type: string | undefined; signature: string | undefined }[] = [];
    const url = await receiver((req, body, res) => {
      bodies.push({
        body: body.toString('utf8'),
        type: req.headers['content-type'],
        signature: req.headers['x-vinr-signature'] as string | undefined,
      });
      res.writeHead(204).end();
    });
    const all = await vinr.webhookEndpoints.create({ url });
    expect(all.events).toEqual(['*']);
    const { account, offer } = await bonusOffer(vinr);
    await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    await mock.webhooks.idle();

    expect(bodies.map((b) => JSON.parse(b.body).type).sort()).toEqual(
      ['loyalty.offer.activated', 'loyalty.offer.published', 'loyalty.offer.redeemed'].sort(),
    );
    const checker = new Vinr({ secretKey: 'sk_unused', webhookSecret: all.secret as string });
    for (const b of bodies) {
      expect(b.type).toBe('application/json');
      const event = checker.webhooks.verify(b.body, b.signature);
      expect(await vinr.events.retrieve(event.id)).toEqual(event);
      // The mock's own secret does not sign endpoint deliveries.
      expect(() => checker.webhooks.verify(b.body, b.signature, { secret: mock.webhookSecret })).toThrow(
        WebhookSignatureError,
      );
    }
    expect(mock.webhooks.deliveries.every((d) => d.status === 'succeeded' && d.attempts.length === 1)).toBe(true);
  });

  test('an endpoint subscribed to the refund events gets each reversal, then the redemption reversal, verified', async () => {
    const mock = createVinrMock({ now: '2026-06-06T12:00:00Z' });
    const vinr = mock.client();
    let secret = '';
    const checker = new Vinr({ secretKey: 'sk_unused' });
    const received: [string, number | string][] = [];
    const url = await receiver((req, body, res) => {
      const event = checker.webhooks.verify(body, req.headers, { secret });
      if (event.type === 'loyalty.points.reversed') received.push([event.type, event.data.points_transaction.points]);
      else if (event.type === 'loyalty.offer.redemption_reversed')
        received.push([event.type, event.data.redemption.status]);
      else received.push([event.type, 'unexpected']);
      res.writeHead(204).end();
    });
    const endpoint = await vinr.webhookEndpoints.create({
      url,
      events: ['loyalty.points.reversed', 'loyalty.offer.redemption_reversed'],
    });
    secret = endpoint.secret as string;

    const account = await vinr.engagement.loyaltyAccounts.create({});
    const offer = await vinr.engagement.offers.create({
      name: 'Double points',
      incentive: { type: 'points_multiplier', multiplier: 2 },
    });
    await vinr.engagement.offers.publish(offer.id);
    const payment = { account: account.id, payment_id: 'pay_1' };
    await vinr.engagement.events.track({ type: 'payment.completed', ...payment, amount: 10_000, currency: 'eur' });
    await vinr.engagement.events.track({ type: 'payment.refunded', ...payment, refund_id: 're_1' });
    await mock.webhooks.idle();

    // Deliveries run concurrently: compare as a set, the order is the event log's (checked in refunds.test.ts).
    expect(received.sort()).toEqual(
      [
        ['loyalty.offer.redemption_reversed', 'reversed'],
        ['loyalty.points.reversed', -100],
        ['loyalty.points.reversed', -100],
      ].sort(),
    );
    expect(mock.webhooks.deliveries.map((d) => d.eventType).sort()).toEqual(
      ['loyalty.offer.redemption_reversed', 'loyalty.points.reversed', 'loyalty.points.reversed'].sort(),
    );
  });

  test('an unreachable, hanging or slow endpoint never blocks or fails the API call; retries follow the schedule', async () => {
    const mock = createVinrMock({ webhookDelivery: { retryDelays: [30, 30], timeout: 200 } });
    const vinr = mock.client();
    // A port nothing listens on: open a server, note its URL, close it.
    const closed = await receiver((_req, _body, res) => void res.end());
    await closeAll();
    const hanging = await receiver(() => new Promise<void>(() => {}));
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let gatedHits = 0;
    const gated = await receiver(async (_req, _body, res) => {
      gatedHits++;
      await released;
      res.writeHead(200).end();
    });
    for (const url of [closed, hanging, gated]) {
      await vinr.webhookEndpoints.create({ url, events: ['loyalty.offer.published'] });
    }

    const offer = await vinr.engagement.offers.create({ name: 'x', incentive: { type: 'points_bonus', points: 5 } });
    // Resolves while the gated endpoint is still waiting for us: delivery runs off the request path.
    const published = await vinr.engagement.offers.publish(offer.id);
    expect(published.status).toBe('active');
    while (gatedHits === 0) await new Promise((r) => setTimeout(r, 5));
    expect(mock.webhooks.deliveries.map((d) => d.status)).toEqual(['pending', 'pending', 'pending']);
    release();

    await mock.webhooks.idle();
    const [toClosed, toHanging, toGated] = mock.webhooks.deliveries;
    expect(toClosed?.status).toBe('failed');
    expect(toClosed?.attempts).toHaveLength(3);
    expect(toClosed?.attempts.every((a) => a.statusCode === null && a.error !== null)).toBe(true);
    expect(toHanging?.status).toBe('failed');
    expect(toHanging?.attempts).toHaveLength(3);
    expect(toHanging?.attempts.every((a) => a.statusCode === null && a.durationMs >= 150)).toBe(true);
    expect(toGated).toMatchObject({ status: 'succeeded', attempts: [{ statusCode: 200, error: null }] });
  });

  test('a deleted endpoint gets no further attempts, and reset() forgets endpoints and deliveries', async () => {
    // A long enough wait that the delete below surely lands before the retry would.
    const mock = createVinrMock({ webhookDelivery: { retryDelays: [400] } });
    const vinr = mock.client();
    let hits = 0;
    const url = await receiver((_req, _body, res) => {
      hits++;
      res.writeHead(503).end();
    });
    const endpoint = await vinr.webhookEndpoints.create({ url, events: ['loyalty.offer.published'] });
    const offer = await vinr.engagement.offers.create({ name: 'x', incentive: { type: 'points_bonus', points: 5 } });
    await vinr.engagement.offers.publish(offer.id);
    while (hits === 0) await new Promise((r) => setTimeout(r, 5));
    await vinr.webhookEndpoints.delete(endpoint.id);
    await mock.webhooks.idle();
    expect(hits).toBe(1);
    expect(mock.webhooks.deliveries[0]).toMatchObject({ status: 'failed', attempts: [{ statusCode: 503 }] });

    await vinr.webhookEndpoints.create({ url, events: ['*'] });
    mock.reset();
    expect(mock.webhooks.deliveries).toEqual([]);
    expect((await vinr.webhookEndpoints.list()).data).toEqual([]);
    const again = await vinr.engagement.offers.create({ name: 'y', incentive: { type: 'points_bonus', points: 5 } });
    await vinr.engagement.offers.publish(again.id);
    await mock.webhooks.idle();
    expect(hits).toBe(1);
  });
});

describe('webhook retry timers', () => {
  let bundle = '';
  beforeAll(async () => {
    bundle = join(ROOT, '.vinr-tmp', 'hardening-test', 'webhook-script.mjs');
    // A plain script a user would write: an endpoint that is down, one event, then nothing left to do.
    const contents = `
      import { createServer } from 'node:net';
      import { createVinrMock } from '@vinr/sdk/mocks';
      const free = createServer();
      await new Promise((r) => free.listen(0, '127.0.0.1', r));
      const port = free.address().port;
      await new Promise((r) => free.close(r));
      // Long retries for the script that must exit without them, short ones for the one that waits for them.
      const delay = process.argv[2] === 'idle' ? 50 : 1500;
      const mock = createVinrMock({ webhookDelivery: { retryDelays: [delay, delay] } });
      const vinr = mock.client();
      await vinr.webhookEndpoints.create({ url: 'http://127.0.0.1:' + port + '/down' });
      const offer = await vinr.engagement.offers.create({ name: 'o', incentive: { type: 'points_bonus', points: 5 } });
      await vinr.engagement.offers.publish(offer.id);
      if (process.argv[2] === 'idle') {
        await mock.webhooks.idle();
        console.log('attempts', mock.webhooks.deliveries[0].attempts.length);
      } else {
        while ((mock.webhooks.deliveries[0]?.attempts.length ?? 0) < 1) await new Promise((r) => setTimeout(r, 5));
        console.log('done');
      }
    `;
    await bundleForNode({ contents }, bundle);
  });

  function run(arg: string): Promise<{ code: number | null; out: string; exitAfterOutputMs: number }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [bundle, arg], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      let printedAt = 0;
      child.stdout.on('data', (c) => {
        out += c;
        printedAt = performance.now();
      });
      child.on('exit', (code) => resolve({ code, out, exitAfterOutputMs: performance.now() - printedAt }));
    });
  }

  test('do not keep a script alive once it has nothing else to do', async () => {
    const { code, out, exitAfterOutputMs } = await run('exit');
    expect(out.trim()).toBe('done');
    expect(code).toBe(0);
    expect(exitAfterOutputMs).toBeLessThan(1_000); // the pending retries would take 3 s
  });

  test('mock.webhooks.idle() still waits for every retry', async () => {
    const { code, out } = await run('idle');
    expect(out.trim()).toBe('attempts 3');
    expect(code).toBe(0);
  });
});
