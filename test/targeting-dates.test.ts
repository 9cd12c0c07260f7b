import { OfferNotEligibleError, VinrValidationError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { describe, expect, test } from 'vitest';

const bonus = { name: 'early members', incentive: { type: 'points_bonus', points: 10 } } as const;

describe('targeting.enrolled_before', () => {
  test('a date YYYY-MM-DD means that day at 00:00 UTC, and comes back as a UTC timestamp', async () => {
    const mock = createVinrMock({ now: '2026-06-01T00:00:00Z' });
    const vinr = mock.client({ maxRetries: 0 });
    const offer = await vinr.engagement.offers.create({ ...bonus, targeting: { enrolled_before: '2026-01-01' } });
    expect(offer.targeting.enrolled_before).toBe('2026-01-01T00:00:00.000Z');
    expect((await vinr.engagement.offers.retrieve(offer.id)).targeting.enrolled_before).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    await vinr.engagement.offers.publish(offer.id);
    const atMidnight = await vinr.engagement.loyaltyAccounts.create({ enrolled_at: '2026-01-01T00:00:00Z' });
    const justBefore = await vinr.engagement.loyaltyAccounts.create({ enrolled_at: '2025-12-31T23:59:59.999Z' });
    await expect(vinr.engagement.offers.activate({ offer: offer.id, account: atMidnight.id })).rejects.toBeInstanceOf(
      OfferNotEligibleError,
    );
    await expect(vinr.engagement.offers.activate({ offer: offer.id, account: justBefore.id })).resolves.toMatchObject({
      offer: offer.id,
    });
  });

  test('an offset timestamp is returned in UTC, also when sent over the wire without the SDK', async () => {
    const mock = createVinrMock();
    const res = await request('https://api.vinr.com/v1/engagement/offers', {
      method: 'POST',
      dispatcher: mock.dispatcher,
      headers: { authorization: `Bearer ${mock.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...bonus, targeting: { enrolled_before: '2026-01-01T00:30:00+01:00' } }),
    });
    expect(res.statusCode).toBe(200);
    const created = (await res.body.json()) as { id: string; targeting: { enrolled_before: string } };
    expect(created.targeting.enrolled_before).toBe('2025-12-31T23:30:00.000Z');

    const updated = await mock.client().engagement.offers.update(created.id, {
      targeting: { enrolled_before: '2026-03-01' },
    });
    expect(updated.targeting.enrolled_before).toBe('2026-03-01T00:00:00.000Z');
  });

  test.each(['2026-02-30', '2026-1-1', '2026-01-01T00:00:00', 'yesterday'])(
    '%s is refused with a message that names both accepted forms',
    async (value) => {
      const vinr = createVinrMock().client();
      const error = await vinr.engagement.offers
        .create({ ...bonus, targeting: { enrolled_before: value } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VinrValidationError);
      expect((error as VinrValidationError).issues).toEqual([
        {
          path: 'targeting.enrolled_before',
          message: 'expected an ISO 8601 timestamp with a zone, or a date YYYY-MM-DD (read as 00:00 UTC)',
        },
      ]);
    },
  );
});
