import { APIConnectionError, InternalServerError, RateLimitError, Vinr } from '@vinr/sdk';
import { createVinrMock, type LoopbackServer, type VinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

/** The test controls over HTTP, as a suite in another language drives them through `vinr-mock`. */
let mock: VinrMock;
let server: LoopbackServer;
let vinr: Vinr;
beforeEach(async () => {
  mock = createVinrMock();
  server = await mock.listen();
  vinr = new Vinr({ baseURL: server.baseURL, secretKey: mock.secretKey, maxRetries: 0 });
});
afterEach(async () => {
  await vinr.close();
  await server.close();
});

interface Json {
  object?: string;
  now?: string;
  frozen?: boolean;
  data?: { type: string }[];
  error?: { code: string; message: string; param?: string };
}

async function helper(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) {
  const res = await request(`${server.baseURL}/test_helpers/${path}`, {
    method,
    headers: { authorization: `Bearer ${mock.secretKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.statusCode, json: (await res.body.json()) as Json };
}

describe('POST /test_helpers/clock', () => {
  test('sets, advances by ms or duration, and reports without moving when the body is empty', async () => {
    expect((await helper('POST', 'clock', { now: '2026-01-01T00:00:00Z' })).json.now).toBe('2026-01-01T00:00:00.000Z');
    expect((await helper('POST', 'clock', { advance: 90_000 })).json.now).toBe('2026-01-01T00:01:30.000Z');
    expect((await helper('POST', 'clock', { advance: '7d' })).json.now).toBe('2026-01-08T00:01:30.000Z');
    expect((await helper('POST', 'clock', {})).json).toEqual({
      object: 'test_clock',
      now: '2026-01-08T00:01:30.000Z',
      frozen: true,
    });
  });

  test.each([
    [{ now: 'not a date' }, 'now'],
    [{ now: true }, 'now'],
    [{ advance: '-2h' }, 'advance'],
    [{ advance: -5 }, 'advance'],
    [{ advance: '2 weeks' }, 'advance'],
    [{ advance: 1e300 }, 'advance'],
    [{ now: '2026-01-01T00:00:00Z', advance: 'soon' }, 'advance'],
    [{ tomorrow: true }, 'tomorrow'],
  ])('%j is a 400 naming %s, and the clock does not move', async (body, param) => {
    mock.clock.set('2025-06-01T00:00:00Z');
    const r = await helper('POST', 'clock', body);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'invalid_request', param });
    expect(mock.clock.now().toISOString()).toBe('2025-06-01T00:00:00.000Z');
  });
});

describe('POST /test_helpers/faults', () => {
  test('the next matching request fails that way, with Retry-After, then the fault is spent', async () => {
    const armed = await helper('POST', 'faults', { status: 429, retryAfter: 3, match: { path: '/loyalty_accounts' } });
    expect(armed.json).toMatchObject({ object: 'test_fault', status: 429, retryAfter: 3 });
    const error = await vinr.engagement.loyaltyAccounts.create({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers['retry-after']).toBe('3');
    await expect(vinr.engagement.loyaltyAccounts.create({})).resolves.toMatchObject({ object: 'loyalty_account' });
  });

  test('networkError drops the connection; afterCommit keeps the effect', async () => {
    await helper('POST', 'faults', { networkError: true, afterCommit: true });
    await expect(vinr.engagement.loyaltyAccounts.create({ customer: 'cus_1' })).rejects.toBeInstanceOf(
      APIConnectionError,
    );
    const page = await vinr.engagement.loyaltyAccounts.list();
    expect(page.data.map((a) => a.customer)).toEqual(['cus_1']);
  });

  test('times arms several uses; DELETE clears what is left', async () => {
    await helper('POST', 'faults', { status: 503, times: 5 });
    await expect(vinr.engagement.rewards.list()).rejects.toMatchObject({ status: 503 });
    await expect(vinr.engagement.rewards.list()).rejects.toBeInstanceOf(InternalServerError);
    expect((await helper('DELETE', 'faults')).status).toBe(200);
    await expect(vinr.engagement.rewards.list()).resolves.toMatchObject({ data: [] });
  });

  test.each([
    [{ status: 200 }, 'status'],
    [{ status: '500' }, 'status'],
    [{ delayMs: 10_000_000 }, 'delayMs'],
    [{ retryAfter: 'a\nb' }, 'retryAfter'],
    [{ match: { verb: 'GET' } }, 'match.verb'],
    [{ times: 0 }, 'times'],
  ])('%j is a 400 naming %s, and nothing is armed', async (body, param) => {
    const r = await helper('POST', 'faults', body);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'invalid_request', param });
    await expect(vinr.engagement.rewards.list()).resolves.toMatchObject({ data: [] });
  });
});

describe('POST /test_helpers/reset and GET /test_helpers/events', () => {
  test('events lists what was emitted; reset empties state, clock and faults', async () => {
    mock.clock.set('2026-01-01T00:00:00Z');
    const offer = await vinr.engagement.offers.create({ name: 'x', incentive: { type: 'points_bonus', points: 5 } });
    await vinr.engagement.offers.publish(offer.id);
    const events = await helper('GET', 'events');
    expect(events.json).toMatchObject({ object: 'list', has_more: false });
    expect(events.json.data?.map((e) => e.type)).toEqual(['loyalty.offer.published']);
    await helper('POST', 'faults', { status: 500, times: 3 });

    const reset = await helper('POST', 'reset', {});
    expect(reset.json).toMatchObject({ object: 'test_reset', frozen: false });
    expect(mock.clock.frozen).toBe(false);
    expect((await helper('GET', 'events')).json.data).toEqual([]);
    await expect(vinr.engagement.offers.list()).resolves.toMatchObject({ data: [] });
  });

  test('reset takes no parameters', async () => {
    const r = await helper('POST', 'reset', { everything: true });
    expect(r.json.error).toMatchObject({ code: 'invalid_request', param: 'everything' });
  });
});
