/**
 * Recipe: the code under test calls the API with global `fetch` (or node:http), not with the SDK. msw's
 * `setupServer(...mock.handlers)` answers those calls from the same state as `mock.client()`.
 *
 * The catch: the handlers match any origin ending in `/v1/…` under the API's namespaces, so while the server
 * is listening, global fetch aimed at `mock.listen()`'s loopback URL is answered in process by msw too (same
 * state, so the same answers, but no socket is involved). The SDK's own transport (undici `request`) is never
 * intercepted by msw: give SDK code `mock.client()` or `listen()`'s baseURL instead.
 *
 *   npx tsx examples/testing-global-fetch.ts
 */
import { pathToFileURL } from 'node:url';
import { createVinrMock, type VinrMock } from '@vinr/sdk/mocks';
import { setupServer } from 'msw/node';

/** Production code using plain fetch. */
export async function offerName(offerId: string): Promise<string> {
  const base = process.env.VINR_BASE_URL ?? 'https://api.vinr.com/v1';
  const res = await fetch(`${base}/engagement/offers/${encodeURIComponent(offerId)}`, {
    headers: { authorization: `Bearer ${process.env.VINR_SECRET_KEY}` },
  });
  if (!res.ok) throw new Error(`VINR answered ${res.status}`);
  return ((await res.json()) as { name: string }).name;
}

/**
 * An msw server over the mock's handlers. In a test file:
 * `beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))`, `afterEach(() => mock.reset())`,
 * `afterAll(() => server.close())`.
 * @example
 * ```ts
 * const server = mswServerFor(mock);
 * server.listen({ onUnhandledRequest: 'error' });
 * ```
 */
export function mswServerFor(mock: VinrMock) {
  return setupServer(...mock.handlers);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mock = createVinrMock();
  const server = mswServerFor(mock);
  server.listen({ onUnhandledRequest: 'error' });
  process.env.VINR_SECRET_KEY = mock.secretKey;
  const offer = await mock.client().engagement.offers.create({
    name: 'Double points',
    incentive: { type: 'points_multiplier', multiplier: 2 },
  });
  console.log(`fetch saw: ${await offerName(offer.id)}`);
  server.close();
}
