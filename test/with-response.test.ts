import { APIPromise, NotFoundError, PagePromise, VinrValidationError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { expect, test } from 'vitest';
import { type Operation, operations } from '../src/api/operations/index.js';
import { resourcesByNamespace } from './support/namespaces.js';

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

test("every operation of the table returns a promise with withResponse, whose request id is the journal's", async () => {
  const mock = createVinrMock();
  const vinr = mock.client({ maxRetries: 0 });
  const namespaces = resourcesByNamespace(vinr);
  const account = await vinr.engagement.loyaltyAccounts.create({});
  // Arguments every method accepts the shape of: an id and a params object.
  const argsOf = (name: string, list: boolean) => {
    const params =
      name.endsWith('.activate') || name.endsWith('.checkEligibility')
        ? { offer: 'ofr_missing', account: account.id }
        : { account: account.id };
    if (list) return [name.startsWith('pointsTransactions.') ? { account: account.id } : {}];
    const paramsOnly = ['.create', '.preview', '.track', '.activate', '.checkEligibility'];
    if (paramsOnly.some((suffix) => name.endsWith(suffix))) return [params];
    return ['x_missing', params];
  };
  let answered = 0;
  for (const [name, op] of Object.entries(operations) as [string, Operation][]) {
    const before = mock.requests.length;
    const [ns = '', method = ''] = name.split('.');
    const target = namespaces[ns] as Record<string, (...args: unknown[]) => unknown>;
    const pending = target[method]?.(...argsOf(name, op.list === true)) as APIPromise<unknown> | PagePromise<never>;
    expect(pending, name).toBeInstanceOf(op.list ? PagePromise : APIPromise);
    const outcome = await pending.withResponse().then(
      ({ response }) => response.requestId,
      (e: unknown) => (e as { requestId?: string | null }).requestId ?? 'refused before sending',
    );
    const sent = mock.requests.slice(before);
    if (outcome === 'refused before sending') expect(sent, name).toEqual([]);
    else {
      expect(sent.at(-1)?.requestId, name).toBe(outcome);
      answered++;
    }
  }
  // Most calls reach the server (answered, or refused there for their made-up ids).
  expect(answered).toBeGreaterThan(Object.keys(operations).length / 2);
});
