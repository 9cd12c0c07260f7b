import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { createVinrMock, type LoopbackServer, type VinrMock } from '@vinr/sdk/mocks';
import { delay, HttpResponse, http } from 'msw';
import { Pool, request } from 'undici';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listen, MAX_BODY_BYTES } from '../mocks/transports/loopback.js';

const AUTH = { authorization: 'Bearer sk_test_vinr_mock', 'content-type': 'application/json' };

let mock: VinrMock;
let server: LoopbackServer;
beforeEach(async () => {
  mock = createVinrMock();
  server = await mock.listen();
});
afterEach(() => server.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) {
  const res = await request(`${server.baseURL}${path}`, {
    method: method as 'GET',
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

/** Sends raw bytes on a fresh socket and returns everything the server wrote before closing. */
function raw(bytes: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    let out = '';
    socket.on('data', (c) => {
      out += c.toString();
    });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('mock.listen()', () => {
  test('serves on 127.0.0.1 with a free port and a /v1 base URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.baseURL).toBe(`${server.url}/v1`);
    expect(new URL(server.url).port).not.toBe('0');
  });

  test('shares state with the in-process mock both ways', async () => {
    const r = await call('POST', '/test_helpers/clock', { now: '2026-03-01T00:00:00Z', advance: '2h' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ object: 'test_clock', now: '2026-03-01T02:00:00.000Z', frozen: true });
    expect(mock.clock.now().toISOString()).toBe('2026-03-01T02:00:00.000Z');
    mock.clock.advance('1d');
    expect((await call('POST', '/test_helpers/clock', {})).json.now).toBe('2026-03-02T02:00:00.000Z');
  });

  test('two servers of two mocks keep separate state', async () => {
    const other = createVinrMock({ now: '2030-01-01T00:00:00Z' });
    const second = await other.listen();
    try {
      await call('POST', '/test_helpers/clock', { now: '2026-01-01T00:00:00Z' });
      const res = await request(`${second.baseURL}/test_helpers/clock`, { method: 'POST', headers: AUTH, body: '{}' });
      expect(((await res.body.json()) as { now: string }).now).toBe('2030-01-01T00:00:00.000Z');
    } finally {
      await second.close();
    }
  });

  test('unknown routes get a JSON 404 resource_missing with a request id', async () => {
    for (const path of ['/nope', '/test_helpers/nope']) {
      const r = await call('GET', path);
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('resource_missing');
      expect(r.headers['vinr-request-id']).toMatch(/^req_/);
    }
    const outside = await request(`${server.url}/elsewhere`);
    expect(outside.statusCode).toBe(404);
    expect(((await outside.body.json()) as { error: { code: string } }).error.code).toBe('resource_missing');
  });

  test('a known path with another method is a 405 naming the allowed ones', async () => {
    const r = await call('GET', '/test_helpers/clock');
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
    expect(r.json.error).toMatchObject({ code: 'invalid_request' });
    expect(r.json.error.message).toContain('POST');
    const faults = await call('PUT', '/test_helpers/faults', {});
    expect(faults.headers.allow).toBe('POST, DELETE');
  });

  test('a missing or wrong key is a 401, even on unknown paths of the API', async () => {
    expect((await call('POST', '/test_helpers/clock', {}, {})).status).toBe(401);
    const wrong = await call('GET', '/test_helpers/nope', undefined, { authorization: 'Bearer sk_other' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('authentication_failed');
  });

  test('a body over the limit is refused with 413 and the connection closed', async () => {
    const big = JSON.stringify({ now: 'x'.repeat(MAX_BODY_BYTES) });
    const r = await call('POST', '/test_helpers/clock', big);
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('invalid_request');
    expect(r.headers.connection).toBe('close');
    expect((await call('POST', '/test_helpers/clock', {})).status).toBe(200);
  });

  test('a streamed (chunked) body is cut off at the limit too, never buffered whole', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    async function* stream() {
      for (let sent = 0; sent <= MAX_BODY_BYTES * 4; sent += chunk.length) yield chunk;
    }
    const outcome = await request(`${server.baseURL}/test_helpers/clock`, {
      method: 'POST',
      headers: AUTH,
      body: Readable.from(stream()),
    }).then(
      async (res) => res.statusCode,
      (error: Error) => error.name,
    );
    // The server answers 413 and closes; depending on timing the client sees the answer or the reset.
    expect([413, 'SocketError']).toContain(outcome);
    expect((await call('POST', '/test_helpers/clock', {})).status).toBe(200);
  });

  test('malformed HTTP gets a JSON 400, not a bare one', async () => {
    const out = await raw('GARBAGE\r\n\r\n');
    expect(out).toMatch(/^HTTP\/1\.1 400/);
    expect(out).toContain('"code":"invalid_request"');
  });

  test('TRACE is refused with 405', async () => {
    const out = await raw(`TRACE /v1/test_helpers/clock HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`);
    expect(out).toMatch(/^HTTP\/1\.1 405/);
  });

  test('keeps connections alive across requests', async () => {
    const pool = new Pool(server.url, { connections: 1 });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await pool.request({ path: '/v1/test_helpers/clock', method: 'POST', headers: AUTH, body: '{}' });
        await res.body.text();
        expect(res.headers.connection).toBe('keep-alive');
      }
      expect(pool.stats.connected).toBe(1);
    } finally {
      await pool.close();
    }
  });

  test('close() ends idle keep-alive sockets and resolves promptly', async () => {
    const pool = new Pool(server.url, { connections: 2 });
    const res = await pool.request({ path: '/v1/test_helpers/clock', method: 'POST', headers: AUTH, body: '{}' });
    await res.body.text();
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(request(`${server.baseURL}/test_helpers/events`, { headers: AUTH })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await pool.destroy();
  });
});

describe('the loopback transport with arbitrary msw handlers', () => {
  const handlers = [
    http.get('*/slow', async () => {
      await delay(150);
      return HttpResponse.json({ done: true });
    }),
    http.get('*/boom', () => {
      throw new Error('handler exploded');
    }),
    http.get('*/drop', () => HttpResponse.error()),
    http.get('*/cookies', () => {
      const h = new Headers();
      h.append('set-cookie', 'a=1');
      h.append('set-cookie', 'b=2');
      return new HttpResponse('ok', { status: 201, headers: h });
    }),
  ];
  let bare: LoopbackServer;
  beforeEach(async () => {
    bare = await listen(() => handlers);
  });
  afterEach(() => bare.close());

  test('a handler that throws becomes a JSON 500 internal_error', async () => {
    const res = await request(`${bare.url}/boom`);
    expect(res.statusCode).toBe(500);
    const body = (await res.body.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('internal_error');
    expect(body.error.message).toContain('handler exploded');
  });

  test('HttpResponse.error() destroys the socket: the client sees a dropped connection', async () => {
    await expect(request(`${bare.url}/drop`)).rejects.toMatchObject({ name: 'SocketError' });
  });

  test('status, body and repeated headers pass through', async () => {
    const res = await request(`${bare.url}/cookies`);
    expect(res.statusCode).toBe(201);
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(await res.body.text()).toBe('ok');
  });

  test('close() waits for in-flight requests, which still get their answer', async () => {
    const pending = request(`${bare.url}/slow`).then(async (r) => ({
      status: r.statusCode,
      connection: r.headers.connection,
      body: await r.body.json(),
    }));
    await delay(50);
    let closed = false;
    const closing = bare.close().then(() => {
      closed = true;
    });
    await delay(20);
    expect(closed).toBe(false);
    expect(await pending).toEqual({ status: 200, connection: 'close', body: { done: true } });
    await closing;
    expect(closed).toBe(true);
  });
});
