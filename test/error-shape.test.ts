import { createVinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';

const mock = createVinrMock();
const auth = { authorization: `Bearer ${mock.secretKey}` };
const server = await mock.listen();
afterAll(() => server.close());

async function call(base: string, path: string, dispatcher?: typeof mock.dispatcher) {
  const res = await request(`${base}${path}`, { headers: auth, ...(dispatcher ? { dispatcher } : {}) });
  return { status: res.statusCode, requestId: res.headers['vinr-request-id'], body: (await res.body.json()) as object };
}

describe('error responses have one shape whichever way a request comes in', () => {
  it('an unknown path gets the same 404 body in-process and over loopback, inside and outside /v1', async () => {
    for (const path of ['/v1/engagement/nope', '/elsewhere']) {
      const inProcess = await call('https://api.vinr.com', path, mock.dispatcher);
      const loopback = await call(server.url, path);
      const inside = path.startsWith('/v1/');
      const shown = inside ? path.slice(3) : path; // the path after the base URL
      // Outside /v1 the message names the usual cause: a base URL without /v1.
      const hint = inside ? '' : ' Every API path starts with /v1: use a base URL that ends in /v1.';
      const expected = {
        error: { code: 'resource_missing', message: `Unrecognized request URL (GET ${shown}).${hint}` },
      };
      expect(inProcess).toMatchObject({ status: 404, body: expected });
      expect(loopback).toMatchObject({ status: 404, body: expected });
      expect(inProcess.requestId).toMatch(/^req_/);
      expect(loopback.requestId).toMatch(/^req_/);
    }
  });

  it('an engine refusal carries its code, and the status the code stands for', async () => {
    const vinr = mock.client({ maxRetries: 0 });
    const offer = await vinr.engagement.offers.create({
      name: 'x',
      incentive: { type: 'points_multiplier', multiplier: 2 },
    });
    const account = await vinr.engagement.loyaltyAccounts.create();
    await vinr.engagement.offers.publish(offer.id);
    await expect(vinr.engagement.offers.publish(offer.id)).rejects.toMatchObject({
      status: 409,
      code: 'invalid_state_transition',
    });
    await expect(vinr.engagement.offers.activate({ offer: offer.id, account: account.id })).rejects.toMatchObject({
      status: 409,
      code: 'offer_not_opt_in',
    });
    await vinr.engagement.loyaltyAccounts.update(account.id, { status: 'suspended' });
    const gift = await vinr.engagement.offers.create({ name: 'g', incentive: { type: 'points_bonus', points: 5 } });
    await vinr.engagement.offers.publish(gift.id);
    await expect(vinr.engagement.offers.activate({ offer: gift.id, account: account.id })).rejects.toMatchObject({
      status: 422,
      code: 'account_not_active',
    });
  });
});
