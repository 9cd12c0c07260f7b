import { Vinr } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { expect, test } from 'vitest';

test('the journal records every request with its outcome, key, attempt and request id', async () => {
  const mock = createVinrMock({ now: '2026-03-01T00:00:00Z' });
  const vinr = mock.client();
  const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }, { idempotencyKey: 'k-1' });
  const { response } = await vinr.engagement.loyaltyAccounts.retrieve(account.id).withResponse();
  await vinr.engagement.loyaltyAccounts.list({ limit: 2 });
  await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }, { idempotencyKey: 'k-1' }); // replay
  await expect(vinr.engagement.offers.retrieve('ofr_nope')).rejects.toThrow();
  mock.faults.inject({ status: 503, retryAfter: 0 });
  await vinr.engagement.loyaltyAccounts.retrieve(account.id); // 503, then the retry succeeds

  const log = mock.requests;
  expect(log.map((r) => [r.method, r.path, r.status, r.code, r.attempt])).toEqual([
    ['POST', '/engagement/loyalty_accounts', 200, null, 1],
    ['GET', `/engagement/loyalty_accounts/${account.id}`, 200, null, 1],
    ['GET', '/engagement/loyalty_accounts', 200, null, 1],
    ['POST', '/engagement/loyalty_accounts', 200, null, 1],
    ['GET', '/engagement/offers/ofr_nope', 404, 'resource_missing', 1],
    ['GET', `/engagement/loyalty_accounts/${account.id}`, 503, 'internal_error', 1],
    ['GET', `/engagement/loyalty_accounts/${account.id}`, 200, null, 2],
  ]);
  expect(log[0]).toMatchObject({ body: { tier: 'gold' }, idempotencyKey: 'k-1', replayed: false, query: {} });
  expect(log[3]?.replayed).toBe(true);
  expect(log[1]?.requestId).toBe(response.requestId);
  expect(log[1]?.body).toBeNull();
  expect(log[2]?.query).toEqual({ limit: '2' });
  expect(Date.parse(log[0]?.at ?? '')).toBeGreaterThan(Date.parse('2026-03-02T00:00:00Z') - 1e12);
  expect(Math.abs(Date.parse(log[0]?.at ?? '') - Date.now())).toBeLessThan(60_000); // real time, not the mock's
  expect(JSON.parse(JSON.stringify(log))).toEqual(log);
});

test('refusals before routing, dropped connections and every way in are journaled; reset clears it', async () => {
  const mock = createVinrMock();
  const wrongKey = new Vinr({ secretKey: 'sk_wrong', dispatcher: mock.dispatcher, maxRetries: 0 });
  await expect(wrongKey.events.list()).rejects.toThrow();
  mock.faults.inject({ networkError: true });
  await expect(mock.client({ maxRetries: 0 }).events.list()).rejects.toThrow();
  // In process, a /v1 path outside the API's namespaces is answered 404 by the dispatcher itself.
  const stray = await request('https://api.vinr.com/v1/nothing/here?x=1', { dispatcher: mock.dispatcher });
  expect(stray.statusCode).toBe(404);
  await stray.body.dump();
  const server = await mock.listen();
  try {
    const auth = { authorization: `Bearer ${mock.secretKey}` };
    await (await request(`${server.baseURL}/engagement/nowhere`, { headers: auth })).body.dump();
    await (await request(`${server.baseURL}/events`, { method: 'PUT', headers: auth })).body.dump();
    const big = 'x'.repeat(1024 * 1024 + 10);
    const res = await request(`${server.baseURL}/engagement/loyalty_accounts`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: big,
    }).catch(() => undefined);
    await res?.body.dump();
    // Over HTTP too, for other languages.
    const over = await request(`${server.baseURL}/test_helpers/requests`, { headers: auth });
    const listed = (await over.body.json()) as { object: string; data: { status: number; path: string }[] };
    expect(listed.object).toBe('list');
    expect(listed.data.map((r) => [r.status, r.path])).toEqual([
      [401, '/events'],
      [0, '/events'],
      [404, '/nothing/here'],
      [404, '/engagement/nowhere'],
      [405, '/events'],
      [413, '/engagement/loyalty_accounts'],
    ]);
  } finally {
    await server.close();
  }
  expect(mock.requests[0]?.code).toBe('authentication_failed');
  expect(mock.requests[1]?.code).toBeNull();
  expect(mock.requests[2]).toMatchObject({
    path: '/nothing/here',
    query: { x: '1' },
    status: 404,
    code: 'resource_missing',
  });
  mock.reset();
  expect(mock.requests).toEqual([]);
});

test('the journal keeps only the last journalLimit requests', async () => {
  const mock = createVinrMock({ journalLimit: 3 });
  const vinr = mock.client();
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) ids.push((await vinr.engagement.loyaltyAccounts.create({ customer: `c${i}` })).id);
  expect(mock.requests.map((r) => (r.body as { customer: string }).customer)).toEqual(['c5', 'c6', 'c7']);
  expect(() => createVinrMock({ journalLimit: -1 })).toThrow(RangeError);
});

test('requests through mock.fetch are journaled, the 404s of unknown paths included', async () => {
  const mock = createVinrMock();
  const vinr = new Vinr({ secretKey: mock.secretKey, fetch: mock.fetch, maxRetries: 0 });
  const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }, { idempotencyKey: 'f-1' });
  const auth = { authorization: `Bearer ${mock.secretKey}` };
  // A path inside the API's namespaces that is no operation: the router's own 404.
  const unknown = await mock.fetch('https://api.vinr.com/v1/engagement/nowhere', { headers: auth });
  // A /v1 path outside them: no handler claims it, mock.fetch answers the same 404 itself.
  const stray = await mock.fetch('https://api.vinr.com/v1/nothing/here?x=1', {
    method: 'POST',
    headers: { ...auth, 'idempotency-key': 'f-2', 'vinr-retry-count': '1' },
  });
  expect([unknown.status, stray.status]).toEqual([404, 404]);
  const strayBody = (await stray.json()) as { error: { code: string } };
  expect(strayBody.error.code).toBe('resource_missing');

  expect(mock.requests.map((r) => [r.method, r.path, r.status, r.code])).toEqual([
    ['POST', '/engagement/loyalty_accounts', 200, null],
    ['GET', '/engagement/nowhere', 404, 'resource_missing'],
    ['POST', '/nothing/here', 404, 'resource_missing'],
  ]);
  expect(mock.requests[0]).toMatchObject({ body: { tier: 'gold' }, idempotencyKey: 'f-1', attempt: 1 });
  expect(mock.requests[1]?.requestId).toBe(unknown.headers.get('vinr-request-id'));
  expect(mock.requests[2]).toMatchObject({
    query: { x: '1' },
    idempotencyKey: 'f-2',
    attempt: 2,
    requestId: stray.headers.get('vinr-request-id'),
  });
  expect(account.tier).toBe('gold');
});
