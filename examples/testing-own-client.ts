/**
 * Recipe: the code under test builds its own `new Vinr()` from the environment (as production code does), so
 * it cannot be handed `mock.client()`. Serve the mock over loopback HTTP and point the environment at it.
 *
 *   npx tsx examples/testing-own-client.ts
 */
import { pathToFileURL } from 'node:url';
import { Vinr } from '@vinr/sdk';
import { createVinrMock, type VinrMock } from '@vinr/sdk/mocks';

/** Production code: knows nothing of tests. Reads VINR_SECRET_KEY and VINR_BASE_URL like any deployment. */
export async function enrolCustomer(customer: string, tier: string) {
  const vinr = new Vinr();
  try {
    return await vinr.engagement.loyaltyAccounts.create({ customer, tier });
  } finally {
    await vinr.close();
  }
}

/**
 * Serves `mock` on 127.0.0.1 (a free port) and points `VINR_BASE_URL` / `VINR_SECRET_KEY` at it.
 * `stop()` closes the server and puts the environment back.
 * @example
 * ```ts
 * const env = await serveMockToEnv(mock);   // beforeAll
 * await env.stop();                          // afterAll
 * ```
 */
export async function serveMockToEnv(mock: VinrMock) {
  const server = await mock.listen();
  const saved = { base: process.env.VINR_BASE_URL, key: process.env.VINR_SECRET_KEY };
  process.env.VINR_BASE_URL = server.baseURL; // http://127.0.0.1:PORT/v1
  process.env.VINR_SECRET_KEY = mock.secretKey;
  return {
    baseURL: server.baseURL,
    async stop() {
      await server.close();
      for (const [name, value] of [
        ['VINR_BASE_URL', saved.base],
        ['VINR_SECRET_KEY', saved.key],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mock = createVinrMock();
  const env = await serveMockToEnv(mock);
  const account = await enrolCustomer('cus_123', 'gold');
  // The same state is visible in process: assert on it with mock.client() or mock.events.
  const seen = await mock.client().engagement.loyaltyAccounts.retrieve(account.id);
  console.log(`enrolled ${seen.customer} (${seen.tier}) through ${env.baseURL}`);
  await env.stop();
}
