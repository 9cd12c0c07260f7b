import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { RequestEndMessage, RequestStartMessage } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { afterEach, expect, test } from 'vitest';

const seen: { name: string; message: RequestStartMessage | RequestEndMessage }[] = [];
const onStart = (message: unknown) => seen.push({ name: 'start', message: message as RequestStartMessage });
const onEnd = (message: unknown) => seen.push({ name: 'end', message: message as RequestEndMessage });
afterEach(() => {
  unsubscribe('vinr:request:start', onStart);
  unsubscribe('vinr:request:end', onEnd);
  seen.length = 0;
});

test('every attempt is published on vinr:request:start and vinr:request:end, retries and refusals included', async () => {
  subscribe('vinr:request:start', onStart);
  subscribe('vinr:request:end', onEnd);
  const mock = createVinrMock();
  const vinr = mock.client();
  mock.faults.inject({ status: 503, retryAfter: 0 });
  const { response } = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }).withResponse();
  await vinr.engagement.offers.retrieve('ofr_missing').catch(() => undefined);

  expect(seen.map((s) => [s.name, s.message.method, s.message.path, s.message.attempt])).toEqual([
    ['start', 'POST', '/engagement/loyalty_accounts', 1],
    ['end', 'POST', '/engagement/loyalty_accounts', 1],
    ['start', 'POST', '/engagement/loyalty_accounts', 2],
    ['end', 'POST', '/engagement/loyalty_accounts', 2],
    ['start', 'GET', '/engagement/offers/ofr_missing', 1],
    ['end', 'GET', '/engagement/offers/ofr_missing', 1],
  ]);
  const ends = seen.filter((s) => s.name === 'end').map((s) => s.message as RequestEndMessage);
  expect(ends.map((e) => e.status)).toEqual([503, 200, 404]);
  expect(ends[1]?.requestId).toBe(response.requestId);
  expect(ends.every((e) => typeof e.ms === 'number' && e.ms >= 0)).toBe(true);
  // Never a key: not the API key, not the idempotency key, not a body.
  const raw = JSON.stringify(seen);
  expect(raw).not.toContain(mock.secretKey);
  expect(raw).not.toContain(mock.requests[0]?.idempotencyKey ?? 'no key');
  expect(raw).not.toContain('gold');
});

test('a connection that drops ends with status 0', async () => {
  subscribe('vinr:request:end', onEnd);
  const mock = createVinrMock();
  mock.faults.inject({ networkError: true });
  await expect(mock.client({ maxRetries: 0 }).events.list()).rejects.toThrow();
  expect(seen.map((s) => (s.message as RequestEndMessage).status)).toEqual([0]);
  expect((seen[0]?.message as RequestEndMessage | undefined)?.requestId).toBeNull();
});
