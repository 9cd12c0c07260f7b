// Bun and Deno: the reference server in-process (`@vinr/sdk/mocks`), reached through `mock.fetch` and
// `mock.client()`, as a test suite on those runtimes would: no sockets, no Node-only transport.
import { OfferLimitReachedError, Vinr } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';

const mock = createVinrMock();
const viaFetch = new Vinr({ secretKey: mock.secretKey, fetch: mock.fetch, maxRetries: 0 });
const viaClient = mock.client({ maxRetries: 0 });
const account = await viaFetch.engagement.loyaltyAccounts.create({ tier: 'gold' });
const other = await viaClient.engagement.loyaltyAccounts.create({ tier: 'gold' });
const offer = await viaFetch.engagement.offers.create({
  name: 'In-process bonus',
  incentive: { type: 'points_bonus', points: 10 },
  max_redemptions: 1,
});
await viaClient.engagement.offers.publish(offer.id);
await viaFetch.engagement.offers.activate({ offer: offer.id, account: account.id });
const refused = await viaClient.engagement.offers.activate({ offer: offer.id, account: other.id }).catch((e) => e);
if (!(refused instanceof OfferLimitReachedError)) throw new Error(`expected OfferLimitReachedError, got ${refused}`);
mock.faults.inject({ networkError: true });
const dropped = await viaFetch.engagement.offers.retrieve(offer.id).catch((e) => e);
if (dropped?.name !== 'APIConnectionError') throw new Error(`injected network error gave ${dropped}`);
console.log(
  JSON.stringify({ step: 'in-process mock via mock.fetch and mock.client(): seed scenario, 409, dropped connection' }),
);
// Importing msw keeps Deno's event loop alive (msw's WebSocket support opens a BroadcastChannel that Deno cannot
// unref); `deno test` ends regardless, a script has to exit itself.
globalThis.Deno?.exit(0);
