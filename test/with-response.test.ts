import { APIPromise, NotFoundError, VinrValidationError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { expect, test } from 'vitest';

test('withResponse gives the result with its status, lower-cased headers and request id', async () => {
  const mock = createVinrMock();
  const vinr = mock.client();
  const pending = vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
  expect(pending).toBeInstanceOf(APIPromise);
  const { data, response } = await pending.withResponse();
  expect(data.object).toBe('loyalty_account');
  expect(data.tier).toBe('gold');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/json');
  expect(response.requestId).toMatch(/^req_/);
  expect(response.headers['vinr-request-id']).toBe(response.requestId);
  expect(Object.getPrototypeOf(response.headers)).toBe(Object.prototype);
  expect(Object.keys(response.headers).every((k) => k === k.toLowerCase())).toBe(true);
  // The same promise still awaits to the bare result, from the same single request.
  expect(await pending).toEqual(data);
  expect(mock.events).toHaveLength(0);
});

test('withResponse on a list gives the first page and its response; the list still iterates', async () => {
  const mock = createVinrMock();
  const vinr = mock.client();
  for (let i = 0; i < 3; i++) await vinr.engagement.loyaltyAccounts.create({});
  const list = vinr.engagement.loyaltyAccounts.list({ limit: 2 });
  const { data: page, response } = await list.withResponse();
  expect(page.data).toHaveLength(2);
  expect(page.has_more).toBe(true);
  expect(response.status).toBe(200);
  expect(response.requestId).toMatch(/^req_/);
  expect((await list).data.map((a) => a.id)).toEqual(page.data.map((a) => a.id));
  expect(await list.toArray({ limit: 10 })).toHaveLength(3);
});

test('every method promise offers withResponse, and failures still reject with the request id', async () => {
  const mock = createVinrMock();
  const vinr = mock.client({ maxRetries: 0 });
  const offer = await vinr.engagement.offers.create({ name: 'x', incentive: { type: 'points_bonus', points: 5 } });
  const published = await vinr.engagement.offers.publish(offer.id).withResponse();
  expect(published.data.status).not.toBe('draft');
  const events = await vinr.events.list().withResponse();
  expect(events.data.data[0]?.type).toBe('loyalty.offer.published');
  const err = await vinr.engagement.offers
    .retrieve('ofr_missing')
    .withResponse()
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect((err as NotFoundError).requestId).toMatch(/^req_/);
  // Bad input and bad path segments still reject (never throw synchronously) and send nothing.
  await expect(vinr.engagement.offers.retrieve('..').withResponse()).rejects.toBeInstanceOf(Error);
  await expect(vinr.engagement.offers.create({ name: '' } as never).withResponse()).rejects.toBeInstanceOf(
    VinrValidationError,
  );
});
