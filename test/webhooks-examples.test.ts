import { Vinr } from '@vinr/sdk';
import { signWebhook } from '@vinr/sdk/webhooks';
import { afterEach, expect, test, vi } from 'vitest';
import { mountVinrWebhooks } from '../examples/webhooks-express.js';
import { POST } from '../examples/webhooks-nextjs.js';

const SECRET = 'whsec_examples';
const payload = JSON.stringify({
  id: 'evt_example_1',
  object: 'event',
  type: 'loyalty.offer.redeemed',
  created_at: new Date().toISOString(),
  data: { offer: 'ofr_1', account: 'loy_1', points_transaction: null },
});

afterEach(() => vi.unstubAllEnvs());

test('the Next.js route handler verifies the raw text, refuses a tampered body, and de-duplicates', async () => {
  vi.stubEnv('VINR_WEBHOOK_SECRET', SECRET);
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const signature = signWebhook(payload, { secret: SECRET });
  const post = (body: string) =>
    POST(
      new Request('http://localhost/api/webhooks/vinr', {
        method: 'POST',
        body,
        headers: { 'x-vinr-signature': signature },
      }),
    );
  expect((await post(payload)).status).toBe(200);
  expect((await post(payload)).status).toBe(200);
  expect(console.log).toHaveBeenCalledTimes(1);
  const refused = await post(payload.replace('loy_1', 'loy_2'));
  expect(refused.status).toBe(400);
  expect(await refused.json()).toEqual({ error: 'no_matching_signature' });
});

test('the Express recipe verifies the Buffer that express.raw produces, and refuses a parsed body', async () => {
  const routes: ((req: unknown, res: unknown) => Promise<void>)[] = [];
  const app = {
    post: (_path: string, _raw: unknown, route: (req: unknown, res: unknown) => Promise<void>) => routes.push(route),
  };
  const handled: string[] = [];
  mountVinrWebhooks(app, { raw: () => 'raw' }, new Vinr({ secretKey: 'sk_x', webhookSecret: SECRET }), async (e) => {
    handled.push(e.id);
  });
  const respond = () => {
    const res = { code: 0, body: undefined as unknown };
    const api = {
      status(c: number) {
        res.code = c;
        return api;
      },
      json(b: unknown) {
        res.body = b;
      },
      end() {},
    };
    return { res, api };
  };
  const headers = { 'x-vinr-signature': signWebhook(payload, { secret: SECRET }) };
  const ok = respond();
  await routes[0]?.({ body: Buffer.from(payload), headers }, ok.api);
  expect(ok.res.code).toBe(200);
  const parsed = respond();
  await routes[0]?.({ body: JSON.parse(payload), headers }, parsed.api);
  expect(parsed.res).toEqual({ code: 400, body: { error: 'payload_not_raw' } });
  expect(handled).toEqual(['evt_example_1']);
});
