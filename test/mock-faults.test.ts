/** `mock.faults`: injected failures reach the SDK as the real ones would, and count as documented. */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  InternalServerError,
  NotFoundError,
  type Vinr,
} from '@vinr/sdk';
import { createVinrMock, type VinrMock } from '@vinr/sdk/mocks';
import { beforeEach, describe, expect, test } from 'vitest';
import { instantRetries } from './support/retry-clock.js';

instantRetries();

let mock: VinrMock;
let vinr: Vinr;
beforeEach(() => {
  mock = createVinrMock({ now: '2026-06-01T00:00:00Z' });
  vinr = mock.client({ maxRetries: 2 });
});

const fastRetry = { retryAfter: 0 };

test('a fault whose Retry-After could not be a header is refused when injected', async () => {
  const mock = createVinrMock();
  expect(() => mock.faults.inject({ status: 503, retryAfter: 'a\nb' })).toThrow(/retryAfter/);
  expect(() => mock.faults.inject({ status: 503, retryAfter: 1e9 })).toThrow(/retryAfter/);
  mock.faults.inject({ status: 503, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' });
  // The HTTP-date form is a header value and is sent as given.
  const error = await mock
    .client({ maxRetries: 0 })
    .engagement.loyaltyAccounts.list()
    .catch((e: unknown) => e);
  expect((error as InternalServerError).headers['retry-after']).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
});

describe('injected faults', () => {
  test('a fault with only delayMs slows the request down; it still succeeds', async () => {
    const vinr = mock.client({ maxRetries: 0 });
    mock.faults.inject({ delayMs: 50, match: { method: 'POST', path: '/engagement/rewards' } });
    const started = Date.now();
    const reward = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(reward.object).toBe('reward');
  });

  test('a delay longer than the client timeout trips it', async () => {
    const vinr = mock.client({ maxRetries: 0 });
    mock.faults.inject({ delayMs: 300 });
    // Under the default 30 s timeout the slow answer arrives.
    expect((await vinr.engagement.rewards.list()).data).toEqual([]);
    mock.faults.inject({ delayMs: 300 });
    const late = await vinr.engagement.rewards.list({}, { timeout: 50 }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(APIConnectionTimeoutError);
  });

  test('an injected status carries the documented code of that status', async () => {
    const vinr = mock.client({ maxRetries: 0 });
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

describe('injected faults reach the SDK like the real thing', () => {
  test('503 twice then success', async () => {
    mock.faults.inject({ status: 503, times: 2, ...fastRetry, match: { method: 'POST' } });
    const reward = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 });
    expect(reward.object).toBe('reward');
    expect((await vinr.engagement.rewards.list()).data).toHaveLength(1);
  });

  test('500 past maxRetries', async () => {
    mock.faults.inject({ status: 500, times: 5, ...fastRetry });
    const e = (await vinr.engagement.rewards.list().catch((x) => x)) as InternalServerError;
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.attempts).toBe(3);
  });

  test('a network error is an APIConnectionError, and nothing was applied', async () => {
    mock.faults.inject({ networkError: true, match: { path: '/engagement/rewards' } });
    const e = await vinr.engagement.rewards
      .create({ name: 'Mug', points_cost: 800 }, { maxRetries: 0 })
      .catch((x) => x);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect((await vinr.engagement.rewards.list()).data).toHaveLength(0);
  });
});

describe('faults: times counts lost responses', () => {
  test('afterCommit + networkError, times 3: three attempts lose their response, the write applies once', async () => {
    const vinr = mock.client({ maxRetries: 2 });
    mock.faults.inject({ afterCommit: true, networkError: true, times: 3 });
    await expect(
      vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }, { idempotencyKey: 'lost-3' }),
    ).rejects.toBeInstanceOf(APIConnectionError);
    // Nothing stays armed: the next, unrelated request is answered.
    const list = await vinr.engagement.loyaltyAccounts.list();
    expect(list.data.map((a) => a.tier)).toEqual(['gold']);
  });

  test('with retries to spare, the attempt after the lost ones gets the recorded response', async () => {
    const vinr = mock.client({ maxRetries: 4 });
    mock.faults.inject({ afterCommit: true, networkError: true, times: 2 });
    const data = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
    const list = await vinr.engagement.loyaltyAccounts.list();
    expect(list.data.map((a) => a.id)).toEqual([data.id]);
  });
});
