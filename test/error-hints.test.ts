import { APIConnectionError, BadRequestError, NotFoundError, Vinr, VinrValidationError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { Agent, request } from 'undici';
import { describe, expect, test } from 'vitest';

describe('error messages name the fix', () => {
  test('an amount with a fraction says amounts are integers in minor units (SDK and server)', async () => {
    const mock = createVinrMock();
    const vinr = mock.client();
    const account = await vinr.engagement.loyaltyAccounts.create({});
    const params = { type: 'payment.completed', account: account.id, payment_id: 'pay_1', currency: 'eur' } as const;
    const error = await vinr.engagement.events.track({ ...params, amount: 45.5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VinrValidationError);
    expect((error as Error).message).toMatch(/amount: expected an integer amount in minor units \(e\.g\. 4550/);

    const res = await request('https://api.vinr.com/v1/engagement/events', {
      method: 'POST',
      dispatcher: mock.dispatcher,
      headers: { authorization: `Bearer ${mock.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...params, amount: 45.5 }),
    });
    expect(res.statusCode).toBe(400);
    const body = (await res.body.json()) as { error: { param: string; message: string } };
    expect(body.error.param).toBe('amount');
    expect(body.error.message).toMatch(/integer amount in minor units/);
  });

  test('the server itself says a path outside /v1 needs a base URL ending in /v1 (what curl sees)', async () => {
    const mock = createVinrMock();
    const server = await mock.listen();
    try {
      const outside = await request(`${server.url}/engagement/offers`, {
        headers: { authorization: `Bearer ${mock.secretKey}` },
      });
      expect(outside.statusCode).toBe(404);
      const body = (await outside.body.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('resource_missing');
      expect(body.error.message).toBe(
        'Unrecognized request URL (GET /engagement/offers). Every API path starts with /v1: use a base URL that ends in /v1.',
      );
      const inside = await request(`${server.baseURL}/engagement/nope`, {
        headers: { authorization: `Bearer ${mock.secretKey}` },
      });
      expect(((await inside.body.json()) as { error: { message: string } }).error.message).not.toContain(
        'starts with /v1',
      );
    } finally {
      await server.close();
    }
  });

  test('a base URL without /v1 gets a 404 that says the base URL should end in /v1 (loopback)', async () => {
    const mock = createVinrMock();
    const server = await mock.listen();
    try {
      const vinr = new Vinr({ secretKey: mock.secretKey, baseURL: server.url, maxRetries: 0 });
      const error = await vinr.engagement.offers.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toContain('Unrecognized request URL (GET /engagement/offers)');
      expect((error as Error).message).toContain(`the base URL ${server.url} does not end in /v1`);
      await vinr.close();
    } finally {
      await server.close();
    }
  });

  test('the same hint through the in-process dispatcher; a real 404 under /v1 has none', async () => {
    const mock = createVinrMock();
    const wrong = mock.client({ baseURL: 'https://api.vinr.com' });
    await expect(wrong.engagement.loyaltyAccounts.list()).rejects.toThrow(/does not end in \/v1/);
    const missing = await mock
      .client()
      .engagement.offers.retrieve('ofr_missing')
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).not.toMatch(/Hint/);
  });

  test('connection refused names the base URL and VINR_BASE_URL', async () => {
    const server = await createVinrMock().listen();
    const baseURL = server.baseURL;
    await server.close();
    const vinr = new Vinr({ secretKey: 'sk_test_hints', baseURL, maxRetries: 0 });
    const error = await vinr.engagement.offers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain(`Nothing is listening at ${baseURL}`);
    expect((error as Error).message).toContain('VINR_BASE_URL');
    expect((error as Error).message).not.toContain('sk_test_hints');
    await vinr.close();
  });

  test('an unresolvable api.vinr.com (msw setupServer does not reach the SDK transport) hints at mock.client() / mock.dispatcher', async () => {
    // DNS that always fails, like a sandbox without network: the failure the SDK sees under setupServer.
    const offline = new Agent({
      connect: {
        lookup: (hostname, _options, callback) =>
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4),
      },
    });
    try {
      const vinr = new Vinr({ secretKey: 'sk_test_hints', dispatcher: offline, maxRetries: 0 });
      const error = await vinr.engagement.offers.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIConnectionError);
      expect((error as Error).message).toMatch(/ENOTFOUND api\.vinr\.com/);
      expect((error as Error).message).toMatch(/mock\.client\(\).*mock\.dispatcher/);
      const other = new Vinr({ secretKey: 'sk_x', baseURL: 'https://elsewhere.test/v1', dispatcher: offline });
      const e2 = await other.engagement.offers.list({}, { maxRetries: 0 }).catch((e: unknown) => e);
      expect((e2 as Error).message).toContain('check `baseURL` or VINR_BASE_URL');
      expect((e2 as Error).message).not.toContain('mock.client()');
    } finally {
      await offline.close();
    }
  });

  test('a wrong-typed value is described without "a undefined"', async () => {
    const vinr = createVinrMock().client();
    const error = await vinr.engagement.offers.list({}, null as never).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toMatch(/expected an object, got null/);
  });
});
