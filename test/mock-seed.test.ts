import { Vinr } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { expect, test } from 'vitest';

/** The same scenario, recorded as the raw bytes of every response. */
async function scenario(baseURL: string, secretKey: string): Promise<string[]> {
  const bodies: string[] = [];
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await request(`${baseURL}${path}`, {
      method: method as 'GET' | 'POST',
      headers: {
        authorization: `Bearer ${secretKey}`,
        'content-type': 'application/json',
        'idempotency-key': `k${bodies.length}`,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.body.text();
    bodies.push(`${res.statusCode} ${res.headers['vinr-request-id']} ${text}`);
    return JSON.parse(text) as { id: string; secret?: string };
  };
  const account = await call('POST', '/engagement/loyalty_accounts', { tier: 'gold', points_balance: 100 });
  const offer = await call('POST', '/engagement/offers', {
    name: 'Bonus',
    incentive: { type: 'points_bonus', points: 50 },
    activation: 'opt_in',
    max_redemptions: 1,
  });
  await call('POST', `/engagement/offers/${offer.id}/publish`);
  await call('POST', `/engagement/offers/${offer.id}/activations`, { account: account.id });
  await call('POST', `/engagement/offers/${offer.id}/activations`, { account: account.id }); // refused
  await call('POST', '/webhook_endpoints', { url: 'http://127.0.0.1:9/hooks' });
  await call('GET', '/events');
  await call('GET', `/engagement/loyalty_accounts/${account.id}`);
  return bodies;
}

test('two mocks with the same seed answer the same calls byte for byte, over HTTP too', async () => {
  const a = createVinrMock({ seed: 'demo' });
  const b = createVinrMock({ seed: 'demo' });
  const [sa, sb] = [await a.listen(), await b.listen()];
  try {
    const first = await scenario(sa.baseURL, a.secretKey);
    const second = await scenario(sb.baseURL, b.secretKey);
    expect(second).toEqual(first);
    expect(first.join('\n')).toContain('"created_at":"2026-01-01T00:00:00.000Z"');
    expect(first.join('\n')).toContain('offer_limit_reached');
    const other = createVinrMock({ seed: 'other' });
    const so = await other.listen();
    expect(await scenario(so.baseURL, other.secretKey)).not.toEqual(first);
    await so.close();
    // reset() rewinds the generators and the clock: the same calls answer the same again.
    a.reset();
    expect(a.clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(await scenario(sa.baseURL, a.secretKey)).toEqual(first);
  } finally {
    await Promise.all([sa.close(), sb.close()]);
  }
});

test('a seed makes in-process results repeatable too, and starts the clock frozen at now when given', async () => {
  const run = async () => {
    const mock = createVinrMock({ seed: 42, now: '2026-05-05T10:00:00Z' });
    expect(mock.clock.frozen).toBe(true);
    const vinr = mock.client();
    const a = await vinr.engagement.loyaltyAccounts.create({}).withResponse();
    mock.clock.advance('1d');
    const b = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 10 });
    const offer = await vinr.engagement.offers.create({
      name: 'Short',
      incentive: { type: 'points_bonus', points: 1 },
      ends_at: '2026-05-08T00:00:00Z',
    });
    await vinr.engagement.offers.publish(offer.id);
    mock.clock.set('2026-05-09T00:00:00Z'); // the test's own clock move announces the expiry: its id is seeded too
    const expired = mock.events.at(-1);
    expect(expired?.type).toBe('loyalty.offer.expired');
    return [a.data.id, a.response.requestId, a.data.created_at, b.id, b.created_at, expired?.id];
  };
  const first = await run();
  expect(await run()).toEqual(first);
  expect(first[2]).toBe('2026-05-05T10:00:00.000Z');
  expect(first[4]).toBe('2026-05-06T10:00:00.000Z');
  // Without a seed, ids differ between mocks and the clock runs in real time.
  const x = createVinrMock();
  const y = createVinrMock();
  expect(x.clock.frozen).toBe(false);
  const ix = await x.client().engagement.loyaltyAccounts.create({});
  const iy = await y.client().engagement.loyaltyAccounts.create({});
  expect(ix.id).not.toBe(iy.id);
});

test('a seeded mock makes the same ids and request ids through mock.fetch as through the dispatcher', async () => {
  const viaDispatcher = createVinrMock({ seed: 'ways-in' });
  const viaFetch = createVinrMock({ seed: 'ways-in' });
  const calls = async (vinr: Vinr, mock: ReturnType<typeof createVinrMock>) => {
    const a = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }).withResponse();
    const o = await vinr.engagement.offers.create({ name: 'B', incentive: { type: 'points_bonus', points: 5 } });
    const missing = await mock.fetch('https://api.vinr.com/v1/nothing', {
      headers: { authorization: `Bearer ${mock.secretKey}` },
    });
    return [a.data.id, a.response.requestId, o.id, o.created_at, missing.headers.get('vinr-request-id')];
  };
  const first = await calls(
    new Vinr({ secretKey: viaDispatcher.secretKey, dispatcher: viaDispatcher.dispatcher }),
    viaDispatcher,
  );
  const second = await calls(new Vinr({ secretKey: viaFetch.secretKey, fetch: viaFetch.fetch }), viaFetch);
  expect(second).toEqual(first);
  expect(first[3]).toBe('2026-01-01T00:00:00.000Z');
  expect(viaFetch.requests.map((r) => r.requestId)).toEqual(viaDispatcher.requests.map((r) => r.requestId));
});
