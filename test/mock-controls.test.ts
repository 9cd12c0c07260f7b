import { NotFoundError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { expect, test } from 'vitest';

test('the clock refuses instants a Date cannot hold, and the server keeps working', async () => {
  const mock = createVinrMock({ now: '2026-06-01T00:00:00Z' });
  expect(() => mock.clock.advance(1e300)).toThrow(RangeError);
  expect(() => mock.clock.set(9e15)).toThrow(RangeError);
  expect(mock.clock.now().toISOString()).toBe('2026-06-01T00:00:00.000Z');
  const account = await mock.client().engagement.loyaltyAccounts.create({});
  expect(account.created_at).toBe('2026-06-01T00:00:00.000Z');
});

test('a fault whose Retry-After could not be a header is refused when injected', () => {
  const mock = createVinrMock();
  expect(() => mock.faults.inject({ status: 503, retryAfter: 'a\nb' })).toThrow();
  expect(() => mock.faults.inject({ status: 503, retryAfter: 1e9 })).toThrow();
  mock.faults.inject({ status: 503, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' });
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
