import { createVinrMock } from '@vinr/sdk/mocks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startVinrMock, testHelpers } from '../examples/testing-cli.js';
import { mswServerFor, offerName } from '../examples/testing-global-fetch.js';
import { enrolCustomer, serveMockToEnv } from '../examples/testing-own-client.js';
// The setup-file recipe registers its `beforeEach(() => mock.reset())` for this whole file.
import { mock as setupMock, vinr as setupVinr } from '../examples/testing-vitest-setup.js';
import { routeEventsTo } from '../examples/testing-webhooks.js';
import { redeemedBonus } from './support/offers.js';

/** Every recipe of docs/testing.md, run as written in examples/. */
describe('recipe: setup file with reset() before each test', () => {
  test('a test creates a member…', async () => {
    setupMock.clock.set('2026-01-01T00:00:00Z');
    await setupVinr.engagement.loyaltyAccounts.create({ customer: 'cus_first' });
    expect((await setupVinr.engagement.loyaltyAccounts.list()).data).toHaveLength(1);
  });
  test('…and the next one starts empty, on real time again', async () => {
    expect((await setupVinr.engagement.loyaltyAccounts.list()).data).toEqual([]);
    expect(setupMock.clock.frozen).toBe(false);
  });
});

describe('recipe: code that builds its own new Vinr()', () => {
  test('reaches the mock through VINR_BASE_URL / VINR_SECRET_KEY, and the environment is restored', async () => {
    const before = process.env.VINR_BASE_URL;
    const mock = createVinrMock();
    const env = await serveMockToEnv(mock);
    try {
      expect(process.env.VINR_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const account = await enrolCustomer('cus_42', 'gold');
      const seen = await mock.client().engagement.loyaltyAccounts.retrieve(account.id);
      expect(seen).toMatchObject({ customer: 'cus_42', tier: 'gold' });
    } finally {
      await env.stop();
    }
    expect(process.env.VINR_BASE_URL).toBe(before);
  });
});

describe('recipe: setupServer for code using global fetch', () => {
  const mock = createVinrMock();
  const server = mswServerFor(mock);
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    process.env.VINR_SECRET_KEY = mock.secretKey;
  });
  afterAll(() => {
    server.close();
    delete process.env.VINR_SECRET_KEY;
  });

  test('fetch sees what the SDK created', async () => {
    const offer = await mock.client().engagement.offers.create({
      name: 'Double points',
      incentive: { type: 'points_multiplier', multiplier: 2 },
    });
    expect(await offerName(offer.id)).toBe('Double points');
    await expect(offerName('ofr_missing')).rejects.toThrow('VINR answered 404');
  });
});

describe('recipe: other languages through the vinr-mock process', () => {
  test('start, read the URL, drive the test helpers, stop with exit code 0', async () => {
    const server = await startVinrMock([process.execPath, '--import', 'tsx', 'mocks/cli.ts', '--port', '0']);
    try {
      const helpers = testHelpers(server.baseURL);
      expect((await helpers.setClock('2026-01-01T00:00:00Z')).body).toMatchObject({ now: '2026-01-01T00:00:00.000Z' });
      expect((await helpers.advanceClock('2h')).body).toMatchObject({ now: '2026-01-01T02:00:00.000Z' });
      expect((await helpers.injectFault({ status: 503, match: { path: '/offers' } })).status).toBe(200);
      expect((await helpers.events()).body).toEqual({ object: 'list', data: [], has_more: false });
      expect((await helpers.reset()).body).toMatchObject({ frozen: false });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('recipe: webhooks in tests via onEvent', () => {
  test("the app's handler verifies and receives the events the test caused", async () => {
    const mock = createVinrMock();
    const vinr = mock.client();
    const hook = routeEventsTo(mock);
    await redeemedBonus(vinr, 'Bonus', 50);
    await mock.webhooks.idle();
    expect(hook.seen.map((e) => e.type)).toEqual([
      'loyalty.offer.published',
      'loyalty.offer.activated',
      'loyalty.offer.redeemed',
    ]);
    hook.off();
  });
});
