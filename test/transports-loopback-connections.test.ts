/** What the loopback server does with connections a client leaves half-open, keeps busy, or tunnels. */
import { connect, type Socket } from 'node:net';
import { createVinrMock, type LoopbackServer, type VinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { afterEach, describe, expect, test } from 'vitest';

const AUTH = { authorization: 'Bearer sk_test_vinr_mock', 'content-type': 'application/json' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const servers: LoopbackServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(mock: VinrMock): Promise<LoopbackServer> {
  const server = await mock.listen();
  servers.push(server);
  return server;
}

/** Opens a socket to the server and writes `bytes`; resolves with everything read until the server closes it. */
function rawExchange(server: LoopbackServer, bytes: string | Buffer): { socket: Socket; reply: Promise<string> } {
  const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.write(bytes));
  sockets.push(socket);
  const reply = new Promise<string>((resolve) => {
    let out = '';
    socket.on('data', (c) => {
      out += c.toString();
    });
    socket.on('close', () => resolve(out));
    socket.on('error', () => undefined);
  });
  return { socket, reply };
}

/** Resolves with how long `promise` took, or `Infinity` once `limitMs` has passed. */
async function timed(promise: Promise<unknown>, limitMs: number): Promise<number> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<number>((r) => {
    timer = setTimeout(() => r(Number.POSITIVE_INFINITY), limitMs);
  });
  const took = await Promise.race([promise.then(() => performance.now() - start), cap]);
  clearTimeout(timer);
  return took;
}

describe('loopback close()', () => {
  test('resolves within 2 s while a client holds a half-sent request body, and ends that socket', async () => {
    const mock = createVinrMock();
    const server = await mock.listen();
    const head = `POST /v1/engagement/loyalty_accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nauthorization: Bearer ${mock.secretKey}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n`;
    const { reply } = rawExchange(server, `${head}{"tier":`);
    await sleep(100); // the server has the headers and 8 bytes, and waits for 92 more that never come
    expect(await timed(server.close(), 3_000)).toBeLessThan(2_000);
    expect(await timed(reply, 500)).toBeLessThan(500);
    // The half-sent request was never served.
    expect((await mock.client().engagement.loyaltyAccounts.list()).data).toEqual([]);
  });

  test('still lets a request that is being served finish before it closes', async () => {
    const mock = createVinrMock();
    const server = await mock.listen();
    mock.faults.inject({ delayMs: 300 });
    const pending = request(`${server.baseURL}/engagement/loyalty_accounts`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ tier: 'gold' }),
    });
    await sleep(50);
    const closed = server.close();
    const res = await pending;
    expect(res.statusCode).toBe(200);
    await res.body.dump();
    await closed;
  });
});

describe('CONNECT over loopback', () => {
  test('gets a JSON 405 and the connection is closed', async () => {
    const server = await serve(createVinrMock());
    const { reply } = rawExchange(server, 'CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n');
    const text = await reply;
    expect(text).toMatch(/^HTTP\/1\.1 405 /);
    expect(text).toMatch(/content-type: application\/json/i);
    const json = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { error: { code: string } };
    expect(json.error.code).toBe('invalid_request');
  });
});
