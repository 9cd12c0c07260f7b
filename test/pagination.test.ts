import { Vinr } from '@vinr/sdk';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWireServer } from './support/wire-server.js';

// 25 offers served newest first in pages of `limit`, with a `starting_after` cursor.
const all = Array.from({ length: 25 }, (_, i) => ({ id: `ofr_${String(25 - i).padStart(2, '0')}`, object: 'offer' }));
let server: Awaited<ReturnType<typeof startWireServer>>;
let vinr: Vinr;
beforeAll(async () => {
  server = await startWireServer((req) => {
    const url = new URL(req.url, 'http://x');
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const after = url.searchParams.get('starting_after');
    const start = after ? all.findIndex((o) => o.id === after) + 1 : 0;
    const data = all.slice(start, start + limit);
    return { status: 200, body: { object: 'list', data, has_more: start + limit < all.length } };
  });
  vinr = new Vinr({ secretKey: 'sk_test_p', baseURL: server.baseURL });
});
afterAll(() => server.close());

test('await gives one page', async () => {
  const page = await vinr.engagement.offers.list({ limit: 10, status: 'active' });
  expect(page.data.map((o) => o.id)).toEqual(all.slice(0, 10).map((o) => o.id));
  expect(page.has_more).toBe(true);
  const url = new URL(server.seen.at(-1)!.url, 'http://x');
  expect(url.pathname).toBe('/v1/engagement/offers');
  expect(Object.fromEntries(url.searchParams)).toEqual({ limit: '10', status: 'active' });
});

test('for await walks every page with the cursor, and nothing is fetched before use', async () => {
  const before = server.seen.length;
  const list = vinr.engagement.offers.list({ limit: 10 });
  expect(server.seen.length).toBe(before);
  const ids: string[] = [];
  for await (const offer of list) ids.push(offer.id);
  expect(ids).toEqual(all.map((o) => o.id));
  const urls = server.seen.slice(before).map((r) => r.url);
  expect(urls).toEqual([
    '/v1/engagement/offers?limit=10',
    '/v1/engagement/offers?limit=10&starting_after=ofr_16',
    '/v1/engagement/offers?limit=10&starting_after=ofr_06',
  ]);
});

test('toArray stops at its limit', async () => {
  const before = server.seen.length;
  const some = await vinr.engagement.offers.list({ limit: 10 }).toArray({ limit: 12 });
  expect(some.map((o) => o.id)).toEqual(all.slice(0, 12).map((o) => o.id));
  expect(server.seen.length - before).toBe(2);
});
