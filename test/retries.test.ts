import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  ConflictError,
  InternalServerError,
  OfferLimitReachedError,
  OfferNotEligibleError,
  RateLimitError,
  Vinr,
} from '@vinr/sdk';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fixedJitter, instantRetries, realRetryClock } from './support/retry-clock.js';
import { TRANSPORTS } from './support/transports.js';
import { offerJson, type Reply, type SeenRequest, startWireServer } from './support/wire-server.js';

const clock = instantRetries();
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(script: (req: SeenRequest, i: number) => Reply) {
  const s = await startWireServer(script);
  close = s.close;
  return s;
}

const fast = { 'retry-after': '0' };
const err = (status: number, code: string, details?: Record<string, unknown>): Reply => ({
  status,
  headers: fast,
  body: { error: { code, message: code, ...(details ? { details } : {}) } },
});

describe.each(TRANSPORTS)('over $name', (transport) => {
  const client = (baseURL: string, extra: ConstructorParameters<typeof Vinr>[0] = {}) =>
    new Vinr({ secretKey: 'sk_test_retries', baseURL, logLevel: 'off', ...transport.options(), ...extra });

  describe('retries', () => {
    test('503 twice then success: one logical call, three attempts, one idempotency key', async () => {
      const s = await serve((_r, i) => (i < 2 ? err(503, 'internal_error') : { status: 200, body: offerJson() }));
      const offer = await client(s.baseURL).engagement.offers.publish('ofr_test1');
      expect(offer.id).toBe('ofr_test1');
      expect(s.seen).toHaveLength(3);
      const keys = new Set(s.seen.map((r) => r.headers['idempotency-key']));
      expect(keys.size).toBe(1);
      expect([...keys][0]).toMatch(/^vinr-node-[0-9a-f-]{36}$/);
      expect(s.seen.map((r) => r.headers['vinr-retry-count'])).toEqual([undefined, '1', '2']);
    });

    test('500 past maxRetries throws InternalServerError with attempts and the request id', async () => {
      const s = await serve(() => err(500, 'internal_error'));
      const e = await client(s.baseURL, { maxRetries: 3 })
        .engagement.offers.retrieve('ofr_x')
        .catch((x) => x);
      expect(e).toBeInstanceOf(InternalServerError);
      expect(e.attempts).toBe(4);
      expect(e.status).toBe(500);
      expect(e.requestId).toBe('req_wire4');
      expect(s.seen).toHaveLength(4);
    });

    test('maxRetries: 0 means exactly one attempt (client and per call)', async () => {
      const s = await serve(() => err(503, 'internal_error'));
      await expect(client(s.baseURL, { maxRetries: 0 }).engagement.offers.retrieve('ofr_x')).rejects.toMatchObject({
        attempts: 1,
      });
      await expect(client(s.baseURL).engagement.offers.retrieve('ofr_x', { maxRetries: 0 })).rejects.toMatchObject({
        attempts: 1,
      });
      expect(s.seen).toHaveLength(2);
    });

    test('429 with Retry-After: 1 waits a second before retrying', async () => {
      const s = await serve((_r, i) =>
        i === 0
          ? { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'rate_limited', message: 'slow' } } }
          : { status: 200, body: offerJson() },
      );
      await client(s.baseURL).engagement.offers.retrieve('ofr_test1');
      expect(clock.waits).toEqual([1000]);
      expect(s.seen).toHaveLength(2);
    });

    test('without Retry-After the back-off doubles from 0.5 s up to 8 s, minus at most 25 % jitter', async () => {
      const s = await serve((_r, i) => (i < 6 ? { status: 502, body: {} } : { status: 200, body: offerJson() }));
      fixedJitter(0);
      await client(s.baseURL, { maxRetries: 6 }).engagement.offers.retrieve('ofr_test1');
      expect(clock.waits).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
      fixedJitter(1);
      const t = await serve((_r, i) => (i === 0 ? { status: 502, body: {} } : { status: 200, body: offerJson() }));
      await client(t.baseURL).engagement.offers.retrieve('ofr_test1');
      expect(clock.waits.slice(6)).toEqual([375]);
    });

    test('a Retry-After beyond 60 s is ignored in favour of the back-off', async () => {
      const s = await serve((_r, i) =>
        i === 0 ? { status: 503, headers: { 'retry-after': '3600' }, body: {} } : { status: 200, body: offerJson() },
      );
      fixedJitter(0);
      await client(s.baseURL).engagement.offers.retrieve('ofr_test1');
      expect(clock.waits).toEqual([500]);
    });

    test.each([
      ['408', 408, 'request_timeout'],
      ['429', 429, 'rate_limited'],
      ['500', 500, 'internal_error'],
      ['502', 502, 'bad_gateway'],
      ['504', 504, 'gateway_timeout'],
      ['409 idempotency_key_in_use', 409, 'idempotency_key_in_use'],
    ])('%s is retried', async (_name, status, code) => {
      const s = await serve((_r, i) => (i === 0 ? err(status, code) : { status: 200, body: offerJson() }));
      await client(s.baseURL).engagement.offers.publish('ofr_test1');
      expect(s.seen).toHaveLength(2);
    });

    test.each([
      ['offer_limit_reached', 409, 'offer_limit_reached', OfferLimitReachedError],
      ['offer_not_eligible', 422, 'offer_not_eligible', OfferNotEligibleError],
      ['idempotency_key_reused', 409, 'idempotency_key_reused', ConflictError],
      ['400', 400, 'invalid_request', Error],
      ['404', 404, 'resource_missing', Error],
    ])('%s is never retried', async (_name, status, code, cls) => {
      const s = await serve(() => err(status, code, { limit: 'max_redemptions', failed_conditions: ['tiers'] }));
      const e = await client(s.baseURL)
        .engagement.offers.activate({ offer: 'ofr_1', account: 'loy_1' })
        .catch((x) => x);
      expect(e).toBeInstanceOf(cls);
      expect(e.attempts).toBe(1);
      expect(s.seen).toHaveLength(1);
    });

    test('OfferLimitReachedError and OfferNotEligibleError carry their details', async () => {
      const s = await serve((_r, i) =>
        i === 0
          ? err(409, 'offer_limit_reached', { limit: 'per_member_limit' })
          : err(422, 'offer_not_eligible', { failed_conditions: ['tiers', 'min_balance'] }),
      );
      const vinr = client(s.baseURL);
      const a = await vinr.engagement.offers.activate({ offer: 'ofr_1', account: 'loy_1' }).catch((x) => x);
      expect(a).toBeInstanceOf(OfferLimitReachedError);
      expect(a).toBeInstanceOf(ConflictError);
      expect(a.limit).toBe('per_member_limit');
      const b = await vinr.engagement.offers.activate({ offer: 'ofr_1', account: 'loy_1' }).catch((x) => x);
      expect(b.failedConditions).toEqual(['tiers', 'min_balance']);
    });

    test('a dropped connection is retried, and the final failure is an APIConnectionError', async () => {
      const s = await serve((_r, i) => (i === 0 ? { drop: true } : { status: 200, body: offerJson() }));
      await expect(client(s.baseURL).engagement.offers.publish('ofr_test1')).resolves.toMatchObject({
        id: 'ofr_test1',
      });
      expect(s.seen).toHaveLength(2);
      expect(s.seen[0]!.headers['idempotency-key']).toBe(s.seen[1]!.headers['idempotency-key']);

      const d = await serve(() => ({ drop: true }));
      const e = await client(d.baseURL, { maxRetries: 1 })
        .engagement.offers.retrieve('ofr_x')
        .catch((x) => x);
      expect(e).toBeInstanceOf(APIConnectionError);
      expect(e.attempts).toBe(2);
    });

    test('a caller-supplied idempotencyKey is sent on every attempt', async () => {
      const s = await serve((_r, i) => (i === 0 ? err(503, 'internal_error') : { status: 200, body: offerJson() }));
      await client(s.baseURL).engagement.offers.publish('ofr_test1', { idempotencyKey: 'order-42-publish' });
      expect(s.seen.map((r) => r.headers['idempotency-key'])).toEqual(['order-42-publish', 'order-42-publish']);
    });

    test('GET carries no idempotency key; every write does', async () => {
      const s = await serve(() => ({ status: 200, body: offerJson() }));
      const vinr = client(s.baseURL);
      await vinr.engagement.offers.retrieve('ofr_test1');
      await vinr.engagement.offers.update('ofr_test1', { name: 'x' });
      await vinr.engagement.offers.publish('ofr_test1');
      await vinr.engagement.offers.publish('ofr_test1');
      const keys = s.seen.map((r) => r.headers['idempotency-key']);
      expect(keys[0]).toBeUndefined();
      expect(keys[1]).toMatch(/^vinr-node-/);
      expect(keys[2]).not.toBe(keys[3]);
    });
  });

  describe('timeouts and aborts', () => {
    test('an attempt past its timeout is an APIConnectionTimeoutError, retried, with attempts', async () => {
      const s = await serve(() => ({ status: 200, body: offerJson(), delayMs: 400 }));
      const e = await client(s.baseURL, { timeout: 100, maxRetries: 1 })
        .engagement.offers.retrieve('ofr_x')
        .catch((x) => x);
      expect(e).toBeInstanceOf(APIConnectionTimeoutError);
      expect(e.attempts).toBe(2);
      expect(s.seen).toHaveLength(2);
    });

    test('the per-call timeout overrides the client one', async () => {
      const s = await serve(() => ({ status: 200, body: offerJson(), delayMs: 200 }));
      const vinr = client(s.baseURL, { timeout: 50, maxRetries: 0 });
      await expect(vinr.engagement.offers.retrieve('ofr_x', { timeout: 2000 })).resolves.toMatchObject({
        object: 'offer',
      });
    });

    test('aborting during a request rejects with APIUserAbortError and is not retried', async () => {
      const ac = new AbortController();
      // Aborted once the server holds the request, whose answer would come half a second later.
      const s = await serve(() => {
        ac.abort();
        return { status: 200, body: offerJson(), delayMs: 500 };
      });
      const e = await client(s.baseURL)
        .engagement.offers.retrieve('ofr_x', { signal: ac.signal })
        .catch((x) => x);
      expect(e).toBeInstanceOf(APIUserAbortError);
      expect(s.seen).toHaveLength(1);
    });

    test('aborting during the back-off wait stops at once', async () => {
      const s = await serve(() => ({ status: 503, headers: { 'retry-after': '30' }, body: {} }));
      const ac = new AbortController();
      clock.holdFrom = 30_000; // the 30 s wait would never end by itself
      void clock.nextWait().then(() => ac.abort());
      const e = await client(s.baseURL)
        .engagement.offers.retrieve('ofr_x', { signal: ac.signal })
        .catch((x) => x);
      expect(e).toBeInstanceOf(APIUserAbortError);
      expect(clock.waits).toEqual([30_000]);
      expect(s.seen).toHaveLength(1);
    });

    test('an already-aborted signal sends nothing', async () => {
      const s = await serve(() => ({ status: 200, body: offerJson() }));
      const e = await client(s.baseURL)
        .engagement.offers.retrieve('ofr_x', { signal: AbortSignal.abort() })
        .catch((x) => x);
      expect(e).toBeInstanceOf(APIUserAbortError);
      expect(s.seen).toHaveLength(0);
    });

    test('RateLimitError is what a persistent 429 becomes', async () => {
      const s = await serve(() => err(429, 'rate_limited'));
      await expect(client(s.baseURL, { maxRetries: 1 }).engagement.offers.retrieve('ofr_x')).rejects.toBeInstanceOf(
        RateLimitError,
      );
    });
  });
});

test('the shipped back-off wait ends after its delay, and at once with APIUserAbortError on an abort', async () => {
  vi.useFakeTimers();
  try {
    let ended = false;
    const wait = realRetryClock.sleep(500, undefined).then(() => {
      ended = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(ended).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await wait;
    expect(ended).toBe(true);

    const ac = new AbortController();
    const held = realRetryClock.sleep(30_000, ac.signal);
    ac.abort('stop');
    await expect(held).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(realRetryClock.sleep(1, AbortSignal.abort())).rejects.toBeInstanceOf(APIUserAbortError);
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    vi.useRealTimers();
  }
});
