import http from 'node:http';
import { createVinrMock } from '@vinr/sdk/mocks';
import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

const mock = createVinrMock();
const server = setupServer(...mock.handlers);
const AUTH = { authorization: `Bearer ${mock.secretKey}`, 'content-type': 'application/json' };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => mock.reset());

function nodeHttpPost(url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // `http.request` is looked up at call time: msw patches the module object, not ESM named bindings.
    const req = http.request(url, { method: 'POST', headers: AUTH }, (res) => {
      let text = '';
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('setupServer(...mock.handlers)', () => {
  test('global fetch reaches the same state as the mock', async () => {
    const res = await fetch('https://api.vinr.com/v1/test_helpers/clock', {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ now: '2026-02-01T00:00:00Z' }),
    });
    expect(res.status).toBe(200);
    expect(mock.clock.now().toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  test('node:http requests are answered too', async () => {
    mock.clock.set('2026-04-01T00:00:00Z');
    const res = await nodeHttpPost('http://api.vinr.com/v1/test_helpers/clock', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).now).toBe('2026-04-01T00:00:00.000Z');
  });

  test('a body that is not valid UTF-8 is a 400 invalid_request, and nothing is written', async () => {
    const body = new Uint8Array([...Buffer.from('{"tier":"g'), 0xff, 0xfe, ...Buffer.from('"}')]);
    const res = await fetch('https://api.vinr.com/v1/engagement/loyalty_accounts', {
      method: 'POST',
      headers: AUTH,
      body,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    expect((await mock.client().engagement.loyaltyAccounts.list()).data).toEqual([]);
  });

  test('unknown API paths and wrong methods get the typed 404 / 405', async () => {
    const missing = await fetch('https://api.vinr.com/v1/test_helpers/nope', { headers: AUTH });
    expect(missing.status).toBe(404);
    const wrong = await fetch('https://api.vinr.com/v1/test_helpers/clock', { headers: AUTH });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  test("other APIs with a /v1/ in their URL are left alone (msw's onUnhandledRequest decides)", async () => {
    const other = await getResponse(mock.handlers, new Request('https://api.example.com/v1/charges'));
    expect(other).toBeUndefined();
  });

  test('listen() still serves undici (the SDK transport) over a real socket while setupServer is active', async () => {
    const loopback = await mock.listen();
    try {
      const res = await request(`${loopback.baseURL}/test_helpers/clock`, {
        method: 'POST',
        headers: AUTH,
        body: JSON.stringify({ now: '2026-06-01T00:00:00Z' }),
      });
      expect(res.statusCode).toBe(200);
      await res.body.text();
      expect(mock.clock.now().toISOString()).toBe('2026-06-01T00:00:00.000Z');
    } finally {
      await loopback.close();
    }
  });

  test('the catch: global fetch aimed at the loopback URL is answered by msw in process, not by the socket', async () => {
    const loopback = await mock.listen();
    await loopback.close();
    // The server is gone, yet fetch succeeds: the `*/v1/…` handlers matched the loopback URL first.
    const res = await fetch(`${loopback.baseURL}/test_helpers/clock`, { method: 'POST', headers: AUTH, body: '{}' });
    expect(res.status).toBe(200);
    await expect(
      request(`${loopback.baseURL}/test_helpers/clock`, { method: 'POST', body: '{}' }),
    ).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
