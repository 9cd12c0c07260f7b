import { APIError, Vinr, VinrError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fixedJitter, instantRetries } from './support/retry-clock.js';

const clock = instantRetries();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('per-call options are checked like the client options', () => {
  test.each([
    ['maxRetries NaN', { maxRetries: Number.NaN }, /maxRetries/],
    ['maxRetries -1', { maxRetries: -1 }, /maxRetries/],
    ['maxRetries 1.5', { maxRetries: 1.5 }, /maxRetries/],
    ['maxRetries 11', { maxRetries: 11 }, /maxRetries.*0 to 10/],
    ['timeout 0', { timeout: 0 }, /timeout/],
    ['timeout NaN', { timeout: Number.NaN }, /timeout/],
    ['timeout Infinity', { timeout: Number.POSITIVE_INFINITY }, /timeout/],
    ['an empty idempotencyKey', { idempotencyKey: '' }, /idempotencyKey/],
    ['an idempotencyKey with a newline', { idempotencyKey: 'k\n' }, /idempotencyKey/],
    ['a signal that is not an AbortSignal', { signal: 'stop' as unknown as AbortSignal }, /signal.*got a string/],
    ['a header value with a line break', { headers: { 'x-trace': 'a\r\nx-evil: 1' } }, /header "x-trace"/],
    ['a header value that is a number', { headers: { 'x-n': 1 as unknown as string } }, /header "x-n"/],
  ])('%s rejects with a VinrError and sends nothing', async (_name, options, message) => {
    const mock = createVinrMock();
    const vinr = mock.client();
    const error = await vinr.engagement.loyaltyAccounts.create({}, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VinrError);
    expect(error).not.toBeInstanceOf(APIError);
    expect((error as Error).message).toMatch(message);
    expect((await vinr.engagement.loyaltyAccounts.list()).data).toHaveLength(0);
  });

  test('maxRetries: NaN on a retryable failure is refused instead of retrying until the failure stops', async () => {
    const mock = createVinrMock();
    mock.faults.inject({ status: 503, retryAfter: 0, times: 5 });
    const error = await mock
      .client()
      .engagement.loyaltyAccounts.list({}, { maxRetries: Number.NaN })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VinrError);
    expect((error as Error).message).toMatch(/maxRetries/);
  });

  test('maxRetries above 10 is refused on the client too', () => {
    expect(() => new Vinr({ secretKey: 'sk_test_x', maxRetries: 11 })).toThrow(/maxRetries/);
    expect(new Vinr({ secretKey: 'sk_test_x', maxRetries: 10 })).toBeInstanceOf(Vinr);
  });

  test('a valid per-call timeout and maxRetries still work', async () => {
    const vinr = createVinrMock().client();
    const account = await vinr.engagement.loyaltyAccounts.create({}, { timeout: 2_500.5, maxRetries: 10 });
    expect(account.id).toMatch(/^loy_/);
  });
});

describe('a secret key that cannot be sent is refused at construction', () => {
  const KEY = 'sk_test_Pasted_Key_123';

  test.each([
    ['a trailing newline', `${KEY}\n`],
    ['a leading space', ` ${KEY}`],
    ['an inner tab', `sk_test\t${KEY}`],
    ['a control character', `${KEY}\u0000`],
    ['a non-breaking space', `${KEY}\u00a0`],
  ])('%s: VinrError saying so, without echoing the key', (_name, secretKey) => {
    const error = (() => {
      try {
        new Vinr({ secretKey });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(VinrError);
    expect((error as Error).message).toMatch(/whitespace or control characters/);
    expect((error as Error).message).not.toContain('Pasted');
  });

  test('only whitespace is refused as empty', () => {
    expect(() => new Vinr({ secretKey: '  \n ' })).toThrow(/empty or only whitespace/);
  });

  test('a non-string key is refused with what was received', () => {
    expect(() => new Vinr({ secretKey: 42 as unknown as string })).toThrow(/expected a string, got a number/);
  });

  test('the environment variable is trimmed, so a trailing newline there is fine', () => {
    vi.stubEnv('VINR_SECRET_KEY', `${KEY}\n`);
    expect(new Vinr()).toBeInstanceOf(Vinr);
  });
});

describe('Retry-After that is not a usable delay falls back to the back-off', () => {
  test.each(['-1', '-0.5', 'Infinity', 'NaN'])('Retry-After: %s waits the back-off (0.5 s)', async (value) => {
    const mock = createVinrMock();
    mock.faults.inject({ status: 503, retryAfter: value });
    fixedJitter(0);
    const page = await mock.client().engagement.loyaltyAccounts.list();
    expect(page.data).toEqual([]);
    expect(clock.waits).toEqual([500]);
  });

  test('Retry-After: 0 still retries at once', async () => {
    const mock = createVinrMock();
    mock.faults.inject({ status: 503, retryAfter: '0' });
    const page = await mock.client().engagement.loyaltyAccounts.list();
    expect(page.data).toEqual([]);
    expect(clock.waits).toEqual([0]);
  });
});
