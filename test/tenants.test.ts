import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError, OfferLimitReachedError, Vinr } from '@vinr/sdk';
import { createVinrMock, type LoopbackServer, type VinrMock } from '@vinr/sdk/mocks';
import { verifyWebhook } from '@vinr/sdk/webhooks';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

// A server shared by parallel CI jobs: one world per sk_test_… key, over real loopback sockets.

let mock: VinrMock;
let server: LoopbackServer;

beforeEach(async () => {
  mock = createVinrMock();
  server = await mock.listen({ tenants: true });
});
afterEach(() => server.close());

const clientFor = (secretKey: string) => new Vinr({ baseURL: server.baseURL, secretKey, maxRetries: 0 });

async function helper(key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.baseURL}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { data?: unknown[] } };
}

async function cappedOffer(vinr: Vinr, cap: number) {
  const offer = await vinr.engagement.offers.create({
    name: `First ${cap}`,
    incentive: { type: 'points_bonus', points: 10 },
    max_redemptions: cap,
  });
  return vinr.engagement.offers.publish(offer.id);
}

describe('tenants: one world per key', () => {
  test('8 keys activating concurrently against their own cap: every world keeps its own exact cap', async () => {
    const keys = Array.from({ length: 8 }, (_, i) => `sk_test_job_${i}`);
    const caps = keys.map((_, i) => 3 + i);
    const runs = keys.map(async (key, i) => {
      const vinr = clientFor(key);
      const offer = await cappedOffer(vinr, caps[i] as number);
      const accounts = await Promise.all(Array.from({ length: 20 }, () => vinr.engagement.loyaltyAccounts.create({})));
      const results = await Promise.allSettled(
        accounts.map((a) => vinr.engagement.offers.activate({ offer: offer.id, account: a.id })),
      );
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      for (const e of refused) expect(e).toBeInstanceOf(OfferLimitReachedError);
      const read = await vinr.engagement.offers.retrieve(offer.id);
      const offers = await vinr.engagement.offers.list().toArray({ limit: 100 });
      return { ok: results.length - refused.length, count: read.redemption_count, offers: offers.length };
    });
    const outcomes = await Promise.all(runs);
    expect(outcomes).toEqual(caps.map((cap) => ({ ok: cap, count: cap, offers: 1 })));
    // Each world's journal holds its own traffic only; the mock's own world saw none of it.
    for (const key of keys) {
      const journal = await helper(key, 'GET', '/test_helpers/requests');
      expect(journal.json.data).toHaveLength(1 + 1 + 20 + 20 + 1 + 1);
    }
    expect(mock.requests).toEqual([]);
    expect(mock.events).toEqual([]);
  });

  test("one key's reset, clock, faults, journal and snapshot leave another's alone", async () => {
    const a = clientFor('sk_test_a');
    const b = clientFor('sk_test_b');
    const accountA = await a.engagement.loyaltyAccounts.create({ tier: 'gold' });
    const accountB = await b.engagement.loyaltyAccounts.create({ tier: 'silver' });

    await helper('sk_test_a', 'POST', '/test_helpers/clock', { now: '2030-01-01T00:00:00Z' });
    const clockB = await helper('sk_test_b', 'POST', '/test_helpers/clock', {});
    expect(clockB.json).toMatchObject({ frozen: false });
    expect(mock.clock.frozen).toBe(false);

    await helper('sk_test_a', 'POST', '/test_helpers/faults', { status: 503, times: 5 });
    expect((await b.engagement.loyaltyAccounts.retrieve(accountB.id)).tier).toBe('silver');
    await expect(a.engagement.loyaltyAccounts.retrieve(accountA.id)).rejects.toMatchObject({ status: 503 });
    await helper('sk_test_a', 'DELETE', '/test_helpers/faults');

    const snapshotA = await helper('sk_test_a', 'POST', '/test_helpers/snapshot', {});
    await helper('sk_test_a', 'POST', '/test_helpers/reset');
    await expect(a.engagement.loyaltyAccounts.retrieve(accountA.id)).rejects.toMatchObject({ status: 404 });
    expect((await b.engagement.loyaltyAccounts.retrieve(accountB.id)).tier).toBe('silver');
    const journalB = await helper('sk_test_b', 'GET', '/test_helpers/requests');
    expect((journalB.json.data as { path: string }[]).map((r) => r.path)).toEqual([
      '/engagement/loyalty_accounts',
      `/engagement/loyalty_accounts/${accountB.id}`,
      `/engagement/loyalty_accounts/${accountB.id}`,
    ]);

    // B's snapshot cannot carry A's state, and A's comes back whole.
    const snapshotB = await helper('sk_test_b', 'POST', '/test_helpers/snapshot', {});
    expect(JSON.stringify(snapshotB.json)).not.toContain(accountA.id);
    await helper('sk_test_a', 'POST', '/test_helpers/restore', snapshotA.json);
    expect((await a.engagement.loyaltyAccounts.retrieve(accountA.id)).tier).toBe('gold');
    await expect(b.engagement.loyaltyAccounts.retrieve(accountA.id)).rejects.toMatchObject({ status: 404 });
  });

  test('idempotency keys are per world: the same key on two tenants makes two accounts', async () => {
    const a = clientFor('sk_test_a');
    const b = clientFor('sk_test_b');
    const first = await a.engagement.loyaltyAccounts.create({ tier: 'gold' }, { idempotencyKey: 'same-key' });
    const other = await b.engagement.loyaltyAccounts.create({ tier: 'silver' }, { idempotencyKey: 'same-key' });
    expect(other.tier).toBe('silver');
    const replay = await a.engagement.loyaltyAccounts.create({ tier: 'gold' }, { idempotencyKey: 'same-key' });
    expect(replay.id).toBe(first.id);
    expect((await b.engagement.loyaltyAccounts.list().toArray({ limit: 100 })).map((x) => x.id)).toEqual([other.id]);
  });

  test("a webhook endpoint registered by one tenant receives that tenant's events only", async () => {
    const received: Record<string, { body: string; signature: string }[]> = { '/a': [], '/b': [] };
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received[req.url ?? '']?.push({ body, signature: String(req.headers['x-vinr-signature']) });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
      const a = clientFor('sk_test_a');
      const b = clientFor('sk_test_b');
      const events = ['loyalty.offer.published' as const];
      const endpointA = await a.webhookEndpoints.create({ url: `${url}/a`, events });
      const endpointB = await b.webhookEndpoints.create({ url: `${url}/b`, events });
      const offerA = await cappedOffer(a, 1);
      const offersB = [await cappedOffer(b, 2), await cappedOffer(b, 3)];
      // Deliveries are asynchronous: wait for all three, then give a misrouted one time to show up.
      await expect.poll(() => received['/a']!.length + received['/b']!.length).toBe(3);
      await new Promise((r) => setTimeout(r, 100));
      const published = (path: string, secret: string) =>
        received[path]!.map(({ body, signature }) => {
          const event = verifyWebhook(body, signature, { secret });
          return event.type === 'loyalty.offer.published' ? event.data.offer.id : event.type;
        });
      expect(published('/a', endpointA.secret as string)).toEqual([offerA.id]);
      expect(published('/b', endpointB.secret as string).sort()).toEqual(offersB.map((o) => o.id).sort());
    } finally {
      await new Promise((r) => hook.close(r));
    }
  });

  test("the mock's own key reaches the mock itself; its controls do not see tenant traffic", async () => {
    const own = clientFor(mock.secretKey);
    const account = await own.engagement.loyaltyAccounts.create({});
    await clientFor('sk_test_other').engagement.loyaltyAccounts.create({});
    // A refusal the loopback server makes itself (no handler claims the path) is journaled in the caller's world.
    const stray = await helper('sk_test_other', 'GET', '/no_such_namespace');
    expect(stray.status).toBe(404);
    const journal = await helper('sk_test_other', 'GET', '/test_helpers/requests');
    expect((journal.json.data as { path: string }[]).map((r) => r.path)).toEqual([
      '/engagement/loyalty_accounts',
      '/no_such_namespace',
    ]);
    expect(mock.requests.map((r) => r.path)).toEqual(['/engagement/loyalty_accounts']);
    expect((await mock.client().engagement.loyaltyAccounts.retrieve(account.id)).id).toBe(account.id);
  });
});

describe('tenants: who is refused', () => {
  test('a key that does not start with sk_test_ gets a 401 that says which keys are accepted', async () => {
    const error = await clientFor('sk_live_abc')
      .engagement.loyaltyAccounts.create({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toMatch(/starts with sk_test_/);
    const none = await fetch(`${server.baseURL}/engagement/loyalty_accounts`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/^No API key provided/);
    expect(mock.requests).toEqual([]);
  });

  test('beyond maxWorlds a new key gets a 429 naming the limit; known keys keep working', async () => {
    const capped = await createVinrMock().listen({ tenants: { maxWorlds: 2 } });
    try {
      const vinrFor = (k: string) => new Vinr({ baseURL: capped.baseURL, secretKey: k, maxRetries: 0 });
      await vinrFor('sk_test_1').engagement.loyaltyAccounts.create({});
      await vinrFor('sk_test_2').engagement.loyaltyAccounts.create({});
      const third = await vinrFor('sk_test_3')
        .engagement.loyaltyAccounts.create({})
        .catch((e: unknown) => e);
      expect(third).toMatchObject({ status: 429, code: 'rate_limited' });
      expect((third as Error).message).toMatch(/already holds 2 tenant worlds/);
      expect(await vinrFor('sk_test_1').engagement.loyaltyAccounts.list().toArray({ limit: 100 })).toHaveLength(1);
    } finally {
      await capped.close();
    }
  });

  test('a maxWorlds that is not a whole number is refused when listening, naming the option', async () => {
    await expect(mock.listen({ tenants: { maxWorlds: 1.5 } })).rejects.toThrow(/tenants\.maxWorlds must be an integer/);
  });

  test('without tenants the server accepts exactly its own key', async () => {
    const plain = await mock.listen();
    try {
      const other = new Vinr({ baseURL: plain.baseURL, secretKey: 'sk_test_other', maxRetries: 0 });
      await expect(other.engagement.loyaltyAccounts.create({})).rejects.toBeInstanceOf(AuthenticationError);
      const own = new Vinr({ baseURL: plain.baseURL, secretKey: mock.secretKey, maxRetries: 0 });
      expect((await own.engagement.loyaltyAccounts.create({})).object).toBe('loyalty_account');
    } finally {
      await plain.close();
    }
  });

  test('the inspector shows the mock’s own world at / and a tenant’s with ?key=', async () => {
    const account = await clientFor('sk_test_a').engagement.loyaltyAccounts.create({});
    const state = async (query: string) => {
      const res = await fetch(`${server.url}/__inspector/state${query}`);
      return { status: res.status, text: await res.text() };
    };
    expect((await state('')).text).not.toContain(account.id);
    expect((await state('?key=sk_test_a')).text).toContain(account.id);
    expect(await state('?key=sk_live_x')).toMatchObject({ status: 401, text: expect.stringMatching(/sk_test_/) });
  });
});
