import { createVinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { expect, test } from 'vitest';

test('the in-process dispatcher answers undici requests through msw, auth included', async () => {
  const mock = createVinrMock();
  const r = await request('https://api.vinr.com/v1/test_helpers/clock', {
    method: 'POST',
    dispatcher: mock.dispatcher,
    headers: { authorization: 'Bearer sk_test_vinr_mock', 'content-type': 'application/json' },
    body: JSON.stringify({ now: '2026-01-01T00:00:00Z' }),
  });
  const j = await r.body.json();
  expect(r.statusCode).toBe(200);
  expect(j).toMatchObject({ now: '2026-01-01T00:00:00.000Z' });
  const r2 = await request('https://api.vinr.com/v1/test_helpers/clock', {
    method: 'POST',
    dispatcher: mock.dispatcher,
    body: '{}',
  });
  expect(r2.statusCode).toBe(401);
  expect(r2.headers['vinr-request-id']).toMatch(/^req_/);
  await r2.body.text();
});
