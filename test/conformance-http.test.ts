/**
 * Conformance of the reference server's HTTP layer (validation, faults): regressions found by an
 * audit of the documented behaviour. Raw requests go through `mock.dispatcher`, so they reach the same handlers as the SDK.
 */
import { APIConnectionTimeoutError, NotFoundError, VinrValidationError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { describe, expect, test } from 'vitest';

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

describe('injected faults', () => {
  test('a fault with only delayMs slows the request down; it still succeeds', async () => {
    const { mock, vinr } = setup();
    mock.faults.inject({ delayMs: 50, match: { method: 'POST', path: '/engagement/rewards' } });
    const started = Date.now();
    const reward = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(reward.object).toBe('reward');
  });

  test('a delay longer than the client timeout trips it', async () => {
    const { mock, vinr } = setup();
    mock.faults.inject({ delayMs: 300 });
    const err = await vinr.engagement.rewards.list().catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(Error);
    mock.faults.inject({ delayMs: 300 });
    const late = await vinr.engagement.rewards.list({}, { timeout: 50 }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(APIConnectionTimeoutError);
  });

  test('an injected status carries the documented code of that status', async () => {
    const { mock, vinr } = setup();
    mock.faults.inject({ status: 404 });
    const missing = await vinr.engagement.rewards.list().catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ code: 'resource_missing' });
    mock.faults.inject({ status: 401 });
    expect(await vinr.engagement.rewards.list().catch((e: unknown) => e)).toMatchObject({
      status: 401,
      code: 'authentication_failed',
    });
  });
});
