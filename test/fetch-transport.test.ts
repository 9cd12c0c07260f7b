import { APIConnectionError, APIUserAbortError, OfferLimitReachedError, VERSION, Vinr, VinrError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { offerJson, startWireServer } from './support/wire-server.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the fetch option', () => {
  test('sends every request through the given fetch, with the same headers as the undici transport', async () => {
    const mock = createVinrMock();
    const seen: Request[] = [];
    const vinr = new Vinr({
      secretKey: mock.secretKey,
      fetch: (input, init) => {
        seen.push(new Request(input, init));
        return mock.fetch(input, init);
      },
    });
    const reward = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 100 });
    await vinr.engagement.rewards.retrieve(reward.id);
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /v1/engagement/rewards',
      `GET /v1/engagement/rewards/${reward.id}`,
    ]);
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${mock.secretKey}`);
    expect(seen[0]!.headers.get('idempotency-key')).toMatch(/^vinr-node-/);
    expect(seen[0]!.headers.get('content-type')).toBe('application/json');
    expect(seen[1]!.headers.get('user-agent')).toBe(`vinr-sdk/${VERSION} node/${process.versions.node}`);
  });

  test('both dispatcher and fetch is a configuration error', () => {
    const mock = createVinrMock();
    expect(() => new Vinr({ secretKey: 'k', dispatcher: mock.dispatcher, fetch: mock.fetch })).toThrow(
      /either `dispatcher`.*or `fetch`/,
    );
    expect(() => new Vinr({ secretKey: 'k', fetch: 'nope' as unknown as typeof fetch })).toThrow(VinrError);
  });

  test('withOptions copies keep the fetch; a new fetch replaces it', async () => {
    const mock = createVinrMock();
    const calls: string[] = [];
    const tagged =
      (tag: string): typeof fetch =>
      (input, init) => {
        calls.push(tag);
        return mock.fetch(input, init);
      };
    const a = new Vinr({ secretKey: mock.secretKey, fetch: tagged('a') });
    await a.withOptions({ maxRetries: 0 }).engagement.rewards.list();
    await a.withOptions({ fetch: tagged('b') }).engagement.rewards.list();
    expect(calls).toEqual(['a', 'b']);
  });
});

describe('mock.fetch: the reference server in-process, as a fetch', () => {
  const setup = () => {
    const mock = createVinrMock({ now: '2026-06-01T00:00:00Z' });
    const vinr = new Vinr({ secretKey: mock.secretKey, fetch: mock.fetch, logLevel: 'off' });
    return { mock, vinr };
  };

  test('the seed scenario: create, publish, activate, track, and a capped offer refuses with a typed 409', async () => {
    const { mock, vinr } = setup();
    const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
    const other = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
    const offer = await vinr.engagement.offers.create({
      name: 'Gold bonus',
      incentive: { type: 'points_bonus', points: 1000 },
      targeting: { tiers: ['gold'] },
      max_redemptions: 1,
    });
    await vinr.engagement.offers.publish(offer.id);
    const activation = await vinr.engagement.offers.activate({ offer: offer.id, account: account.id });
    expect(activation.status).toBe('consumed');
    const tracked = await vinr.engagement.events.track({
      type: 'payment.completed',
      account: account.id,
      payment_id: 'pay_1',
      amount: 4500,
      currency: 'eur',
    });
    expect(tracked.object).toBe('engagement_event');
    const refused = await vinr.engagement.offers
      .activate({ offer: offer.id, account: other.id })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OfferLimitReachedError);
    expect((refused as OfferLimitReachedError).status).toBe(409);
    expect(mock.events.filter((e) => e.type === 'loyalty.offer.redeemed')).toHaveLength(1);
  });

  test('an injected network error is a connection error, retried with the same idempotency key and applied once', async () => {
    const { mock, vinr } = setup();
    mock.faults.inject({ networkError: true, afterCommit: true, match: { method: 'POST', path: '/rewards' } });
    const reward = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 1 });
    expect((await vinr.engagement.rewards.list()).data.map((r) => r.id)).toEqual([reward.id]);

    mock.faults.inject({ networkError: true, times: 3 });
    const e = await vinr.engagement.rewards.list().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect((e as APIConnectionError).attempts).toBe(3);
  });

  test('an abort during a delayed response rejects at once with APIUserAbortError', async () => {
    const { mock, vinr } = setup();
    mock.faults.inject({ delayMs: 5_000 });
    const started = Date.now();
    const e = await vinr.engagement.rewards.list({}, { signal: AbortSignal.timeout(50) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test('an unknown path is the API 404 shape', async () => {
    const { mock } = setup();
    const res = await mock.fetch('https://api.vinr.com/v1/engagement/nothing_here', {
      headers: { authorization: `Bearer ${mock.secretKey}` },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('vinr-request-id')).toMatch(/^req_/);
  });
});

describe('the transport chosen by default', () => {
  test('on Node, the client-owned undici Agent: the global fetch is never called', async () => {
    const s = await startWireServer(() => ({ status: 200, body: offerJson() }));
    const fetchSpy = vi.fn(() => Promise.reject(new Error('the global fetch must not be used on Node')));
    vi.stubGlobal('fetch', fetchSpy);
    try {
      const vinr = new Vinr({ secretKey: 'sk_test_node', baseURL: s.baseURL, maxRetries: 0 });
      await expect(vinr.engagement.offers.retrieve('ofr_test1')).resolves.toMatchObject({ id: 'ofr_test1' });
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(s.seen).toHaveLength(1);
      await vinr.close();
    } finally {
      await s.close();
    }
  });

  test('where Node is not the runtime (Bun here), the global fetch is used, not undici', async () => {
    const mock = createVinrMock();
    const used: string[] = [];
    vi.stubGlobal('Bun', { version: '1.4.5' });
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      used.push(String(input));
      return mock.fetch(input, init);
    });
    const vinr = new Vinr({ secretKey: mock.secretKey });
    await vinr.engagement.rewards.list();
    expect(used).toEqual(['https://api.vinr.com/v1/engagement/rewards']);
  });
});

describe('the browser guard', () => {
  const pretendBrowser = () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
  };

  test('where window and document exist, the client refuses to start and says how to opt in', () => {
    pretendBrowser();
    expect(() => new Vinr({ secretKey: 'sk_test_x' })).toThrow(VinrError);
    expect(() => new Vinr({ secretKey: 'sk_test_x' })).toThrow(/jsdom.*happy-dom[\s\S]*dangerouslyAllowBrowser: true/);
  });

  test('dangerouslyAllowBrowser: true and mock.client() opt in', async () => {
    pretendBrowser();
    expect(new Vinr({ secretKey: 'sk_test_x', dangerouslyAllowBrowser: true })).toBeInstanceOf(Vinr);
    const mock = createVinrMock();
    await expect(mock.client().engagement.rewards.list()).resolves.toMatchObject({ object: 'list' });
  });
});
