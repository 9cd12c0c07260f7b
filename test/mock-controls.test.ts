import { inspect } from 'node:util';
import { APIConnectionTimeoutError, AuthenticationError, ConflictError, NotFoundError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { describe, expect, test } from 'vitest';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the clock refuses instants a Date cannot hold, and the server keeps working', async () => {
  const mock = createVinrMock({ now: '2026-06-01T00:00:00Z' });
  expect(() => mock.clock.advance(1e300)).toThrow(RangeError);
  expect(() => mock.clock.set(9e15)).toThrow(RangeError);
  expect(mock.clock.now().toISOString()).toBe('2026-06-01T00:00:00.000Z');
  const account = await mock.client().engagement.loyaltyAccounts.create({});
  expect(account.created_at).toBe('2026-06-01T00:00:00.000Z');
});

test('reset empties state, unfreezes the clock and clears faults', async () => {
  const mock = createVinrMock({ now: '2026-06-01T00:00:00Z' });
  const vinr = mock.client({ maxRetries: 0 });
  const account = await vinr.engagement.loyaltyAccounts.create({});
  mock.faults.inject({ status: 500, times: 10 });
  mock.reset();
  expect(mock.clock.frozen).toBe(false);
  expect(Math.abs(mock.clock.now().getTime() - Date.now())).toBeLessThan(5_000);
  await expect(vinr.engagement.loyaltyAccounts.retrieve(account.id)).rejects.toBeInstanceOf(NotFoundError);
  expect(mock.events).toHaveLength(0);
});

test('every in-process answer carries a request id, unknown routes included', async () => {
  const mock = createVinrMock();
  const res = await request('https://api.vinr.com/not-the-api', { dispatcher: mock.dispatcher });
  await res.body.text();
  expect(res.statusCode).toBe(404);
  expect(res.headers['vinr-request-id']).toMatch(/^req_/);
});

describe('requests in flight at mock.reset()', () => {
  test('a request that started before a reset writes nothing into the fresh state or idempotency store', async () => {
    const mock = createVinrMock();
    const vinr = mock.client({ maxRetries: 0 });
    mock.faults.inject({ delayMs: 300 });
    await expect(
      vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }, { timeout: 100, idempotencyKey: 'key-1' }),
    ).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    mock.reset();
    await sleep(400); // the old request has now run to its end
    expect((await vinr.engagement.loyaltyAccounts.list()).data).toEqual([]);
    // The key is free in the new state: another body with it is served, not refused as reused nor replayed.
    const fresh = await vinr.engagement.loyaltyAccounts.create({ tier: 'silver' }, { idempotencyKey: 'key-1' });
    expect(fresh.tier).toBe('silver');
  });

  test('the caller still waiting gets a 409 that says the mock was reset, and nothing is applied', async () => {
    const mock = createVinrMock();
    const vinr = mock.client({ maxRetries: 0 });
    mock.faults.inject({ delayMs: 300 });
    const pending = vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
    await sleep(50);
    mock.reset();
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toMatch(/reset/);
    expect((await vinr.engagement.loyaltyAccounts.list()).data).toEqual([]);
  });

  test('a cut-off request does not free the same key claimed by a request of the new state', async () => {
    const mock = createVinrMock();
    const vinr = mock.client({ maxRetries: 0 });
    mock.faults.inject({ delayMs: 400 });
    const old = vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }, { idempotencyKey: 'shared' });
    await sleep(50);
    mock.reset();
    mock.faults.inject({ delayMs: 700 });
    const current = vinr.engagement.loyaltyAccounts.create({ tier: 'silver' }, { idempotencyKey: 'shared' });
    await expect(old).rejects.toBeInstanceOf(ConflictError);
    // `current` still holds the key: a third request with it is refused as in flight.
    const third = await vinr.engagement.loyaltyAccounts
      .create({ tier: 'silver' }, { idempotencyKey: 'shared' })
      .catch((e: unknown) => e);
    expect((third as ConflictError).code).toBe('idempotency_key_in_use');
    expect((await current).tier).toBe('silver');
    expect((await vinr.engagement.loyaltyAccounts.list()).data.map((a) => a.tier)).toEqual(['silver']);
  });
});

describe('secrets of the mock', () => {
  test('never appear in util.inspect or JSON.stringify, and stay readable as properties', () => {
    const mock = createVinrMock({ secretKey: 'sk_test_hidden_1234', webhookSecret: 'whsec_hidden_5678' });
    for (const shown of [
      inspect(mock),
      inspect(mock, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(mock),
      String(mock),
    ]) {
      expect(shown).not.toContain('hidden_1234');
      expect(shown).not.toContain('hidden_5678');
    }
    expect(mock.secretKey).toBe('sk_test_hidden_1234');
    expect(mock.webhookSecret).toBe('whsec_hidden_5678');
  });
});

describe('mock.client({ secretKey })', () => {
  test('an explicit key wins over the mock key, so a test can see a 401', async () => {
    const mock = createVinrMock();
    const wrong = mock.client({ secretKey: 'sk_test_wrong', maxRetries: 0 });
    await expect(wrong.engagement.loyaltyAccounts.list()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(mock.client().engagement.loyaltyAccounts.list()).resolves.toMatchObject({ object: 'list' });
  });
});
