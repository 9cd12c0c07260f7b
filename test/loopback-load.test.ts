import { OfferLimitReachedError, Vinr } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { Agent } from 'undici';
import { expect, test } from 'vitest';

const OFFERS = 10;
const ACCOUNTS = 200;
const CAP = 50;
const CONNECTIONS = 32;

test(`${OFFERS * ACCOUNTS} activations over ${CONNECTIONS} keep-alive connections: exactly the cap succeeds per offer`, async () => {
  const mock = createVinrMock({ now: '2026-01-10T00:00:00Z' });
  const setup = mock.client();
  const accounts = await Promise.all(
    Array.from({ length: ACCOUNTS }, () => setup.engagement.loyaltyAccounts.create({ tier: 'gold' })),
  );
  const offers = [];
  for (let i = 0; i < OFFERS; i++) {
    const offer = await setup.engagement.offers.create({
      name: `Bonus ${i}`,
      incentive: { type: 'points_bonus', points: 100 },
      max_redemptions: CAP,
    });
    offers.push(await setup.engagement.offers.publish(offer.id));
  }

  const server = await mock.listen();
  // Capped connections: thousands of sockets on a small machine produce resets, not a test of the server.
  const dispatcher = new Agent({ connections: CONNECTIONS });
  const vinr = new Vinr({ baseURL: server.baseURL, secretKey: mock.secretKey, dispatcher, maxRetries: 0 });
  try {
    const outcomes = await Promise.all(
      offers.flatMap((offer) =>
        accounts.map((account) =>
          vinr.engagement.offers.activate({ offer: offer.id, account: account.id }).then(
            (activation) => ({ offer: offer.id, ok: true as const, status: activation.status }),
            (error: unknown) => ({ offer: offer.id, ok: false as const, error }),
          ),
        ),
      ),
    );

    expect(outcomes).toHaveLength(OFFERS * ACCOUNTS);
    for (const offer of offers) {
      const mine = outcomes.filter((o) => o.offer === offer.id);
      const won = mine.filter((o) => o.ok);
      const lost = mine.flatMap((o) => (o.ok ? [] : [o.error]));
      expect(won).toHaveLength(CAP);
      expect(won.every((o) => o.status === 'consumed')).toBe(true);
      expect(lost).toHaveLength(ACCOUNTS - CAP);
      for (const error of lost) {
        expect(error).toBeInstanceOf(OfferLimitReachedError);
        expect((error as OfferLimitReachedError).limit).toBe('max_redemptions');
      }
      const after = await vinr.engagement.offers.retrieve(offer.id);
      expect(after).toMatchObject({ redemption_count: CAP, status: 'expired', expired_reason: 'max_redemptions' });
      const redemptions = await vinr.engagement.redemptions.list({ offer: offer.id }).toArray({ limit: 1_000 });
      expect(redemptions).toHaveLength(CAP);
    }
    const types = mock.events.map((e) => e.type);
    expect(types.filter((t) => t === 'loyalty.offer.redeemed')).toHaveLength(OFFERS * CAP);
    expect(types.filter((t) => t === 'loyalty.offer.expired')).toHaveLength(OFFERS);
  } finally {
    await dispatcher.close();
    await server.close();
  }
}, 60_000);
