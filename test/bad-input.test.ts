/**
 * Bad input gets a clear 400 that names the field and changes nothing, whether the SDK or a raw HTTP client
 * sends it. Raw requests go through `mock.dispatcher`, so they reach the same handlers as the SDK.
 */
import { VinrValidationError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { describe, expect, onTestFinished, test } from 'vitest';

const AUTH = { authorization: 'Bearer sk_test_vinr_mock', 'content-type': 'application/json' };

function setup() {
  const mock = createVinrMock({ now: '2026-06-01T00:00:00Z' });
  const vinr = mock.client({ maxRetries: 0 });
  const raw = async (method: 'GET' | 'POST', path: string, body?: string) => {
    const res = await request(`https://api.vinr.com/v1${path}`, {
      method,
      dispatcher: mock.dispatcher,
      headers: { authorization: `Bearer ${mock.secretKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    });
    const json = (await res.body.json()) as { error?: { code: string; param?: string }; data?: unknown[] };
    return { status: res.statusCode, ...json };
  };
  return { mock, vinr, raw };
}

describe('bad input gets a clear 400 and changes nothing', () => {
  test('a metadata key __proto__ is refused by the SDK and the server, not silently dropped', async () => {
    const { vinr, raw } = setup();
    // As JSON.parse makes it: an own key, which a parsed record cannot keep as data.
    const metadata = JSON.parse('{"__proto__":"vip"}') as Record<string, string>;
    const sdk = await vinr.engagement.loyaltyAccounts.create({ metadata }).catch((e: unknown) => e);
    expect(sdk).toBeInstanceOf(VinrValidationError);
    expect((sdk as VinrValidationError).issues).toEqual([{ path: 'metadata.__proto__', message: 'reserved key' }]);

    // Over the wire, a targeting condition on it would otherwise target every member.
    const offer = await raw(
      'POST',
      '/engagement/offers',
      '{"name":"vip","incentive":{"type":"points_bonus","points":10},"targeting":{"metadata":{"__proto__":"vip"}}}',
    );
    expect(offer).toMatchObject({
      status: 400,
      error: { code: 'invalid_request', param: 'targeting.metadata.__proto__' },
    });
    expect((await vinr.engagement.offers.list()).data).toHaveLength(0);
    expect((await vinr.engagement.loyaltyAccounts.list()).data).toHaveLength(0);
  });

  test('a JSON null body is refused, not taken as {}', async () => {
    const { vinr, raw } = setup();
    expect(await raw('POST', '/engagement/loyalty_accounts', 'null')).toMatchObject({
      status: 400,
      error: { code: 'invalid_request' },
    });
    expect((await vinr.engagement.loyaltyAccounts.list()).data).toHaveLength(0);
  });

  test('a repeated query parameter is a 400 naming it, not resolved to one of its values', async () => {
    const { vinr, raw } = setup();
    await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 });
    for (const qs of ['limit=5&limit=200', 'limit=1&limit=1']) {
      expect(await raw('GET', `/engagement/rewards?${qs}`)).toMatchObject({
        status: 400,
        error: { code: 'invalid_request', param: 'limit' },
      });
    }
    expect(await raw('GET', '/engagement/offers?status=active&status=draft')).toMatchObject({
      status: 400,
      error: { param: 'status' },
    });
    expect(await raw('GET', '/engagement/rewards?limit=1')).toMatchObject({ status: 200, data: [expect.anything()] });
  });
});

describe('request bodies that are not UTF-8', () => {
  const invalidUtf8 = Buffer.concat([Buffer.from('{"tier":"g'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);

  test('are refused with 400 invalid_request over loopback, and nothing is written', async () => {
    const mock = createVinrMock();
    const server = await mock.listen();
    onTestFinished(() => server.close());
    const res = await request(`${server.baseURL}/engagement/loyalty_accounts`, {
      method: 'POST',
      headers: AUTH,
      body: invalidUtf8,
    });
    expect(res.statusCode).toBe(400);
    const body = (await res.body.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(/UTF-8/);
    expect(mock.events).toEqual([]);
    expect((await mock.client().engagement.loyaltyAccounts.list()).data).toEqual([]);
  });

  test('are refused in process (mock.dispatcher) too', async () => {
    const mock = createVinrMock();
    const res = await request('https://api.vinr.com/v1/engagement/loyalty_accounts', {
      method: 'POST',
      headers: AUTH,
      body: invalidUtf8,
      dispatcher: mock.dispatcher,
    });
    expect(res.statusCode).toBe(400);
    expect(((await res.body.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    expect((await mock.client().engagement.loyaltyAccounts.list()).data).toEqual([]);
  });
});

test('an empty Idempotency-Key is refused, and a timestamp must stay within years 0001-9999 in UTC', async () => {
  const mock = createVinrMock();
  const res = await request('https://api.vinr.com/v1/engagement/rewards', {
    method: 'POST',
    dispatcher: mock.dispatcher,
    headers: { authorization: `Bearer ${mock.secretKey}`, 'idempotency-key': ' ' },
    body: JSON.stringify({ name: 'Mug', points_cost: 1 }),
  });
  expect(res.statusCode).toBe(400);
  expect(await res.body.json()).toMatchObject({ error: { code: 'invalid_request', param: 'Idempotency-Key' } });
  const vinr = mock.client();
  await expect(
    vinr.engagement.loyaltyAccounts.create({ enrolled_at: '0000-01-01T00:00:00+14:00' }),
  ).rejects.toMatchObject({
    issues: [{ path: 'enrolled_at' }],
  });
  expect((await vinr.engagement.rewards.list()).data).toHaveLength(0);
});
