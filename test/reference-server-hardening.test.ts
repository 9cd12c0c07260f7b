import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
} from '@vinr/sdk';
import { createVinrMock, type LoopbackServer, type VinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
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

describe('requests in flight at mock.reset()', () => {
  test('a request that started before a reset writes nothing into the fresh state or idempotency store', async () => {
    const mock = createVinrMock();
    const vinr = mock.client({ maxRetries: 0 });
    mock.faults.inject({ delayMs: 300 });
    await expect(
      vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }, { timeout: 100, idempotencyKey: 'key-1' }),
    ).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    mock.reset();
    await sleep(400); // the old request has now run to its end
    expect((await vinr.engagement.loyaltyAccounts.list()).data).toEqual([]);
    // The key is free in the new state: another body with it is served, not refused as reused nor replayed.
    const fresh = await vinr.engagement.loyaltyAccounts.create({ tier: 'silver' }, { idempotencyKey: 'key-1' });
    expect(fresh.tier).toBe('silver');
  });

  test('the caller still waiting gets a 409 that says the mock was reset, and nothing is applied', async () => {
    const mock = createVinrMock();
    const vinr = mock.client({ maxRetries: 0 });
    mock.faults.inject({ delayMs: 300 });
    const pending = vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
    await sleep(50);
    mock.reset();
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toMatch(/reset/);
    expect((await vinr.engagement.loyaltyAccounts.list()).data).toEqual([]);
  });

  test('a cut-off request does not free the same key claimed by a request of the new state', async () => {
    const mock = createVinrMock();
    const vinr = mock.client({ maxRetries: 0 });
    mock.faults.inject({ delayMs: 400 });
    const old = vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }, { idempotencyKey: 'shared' });
    await sleep(50);
    mock.reset();
    mock.faults.inject({ delayMs: 700 });
    const current = vinr.engagement.loyaltyAccounts.create({ tier: 'silver' }, { idempotencyKey: 'shared' });
    await expect(old).rejects.toBeInstanceOf(ConflictError);
    // `current` still holds the key: a third request with it is refused as in flight.
    const third = await vinr.engagement.loyaltyAccounts
      .create({ tier: 'silver' }, { idempotencyKey: 'shared' })
      .catch((e: unknown) => e);
    expect((third as ConflictError).code).toBe('idempotency_key_in_use');
    expect((await current).tier).toBe('silver');
    expect((await vinr.engagement.loyaltyAccounts.list()).data.map((a) => a.tier)).toEqual(['silver']);
  });
});

describe('faults: times counts lost responses', () => {
  test('afterCommit + networkError, times 3: three attempts lose their response, the write applies once', async () => {
    const mock = createVinrMock();
    const vinr = mock.client({ maxRetries: 2 });
    mock.faults.inject({ afterCommit: true, networkError: true, times: 3 });
    await expect(
      vinr.engagement.loyaltyAccounts.create({ tier: 'gold' }, { idempotencyKey: 'lost-3' }),
    ).rejects.toBeInstanceOf(APIConnectionError);
    // Nothing stays armed: the next, unrelated request is answered.
    const list = await vinr.engagement.loyaltyAccounts.list();
    expect(list.data.map((a) => a.tier)).toEqual(['gold']);
  });

  test('with retries to spare, the attempt after the lost ones gets the recorded response', async () => {
    const mock = createVinrMock();
    const vinr = mock.client({ maxRetries: 4 });
    mock.faults.inject({ afterCommit: true, networkError: true, times: 2 });
    const data = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
    const list = await vinr.engagement.loyaltyAccounts.list();
    expect(list.data.map((a) => a.id)).toEqual([data.id]);
  });
});

describe('request bodies that are not UTF-8', () => {
  const invalidUtf8 = Buffer.concat([Buffer.from('{"tier":"g'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);

  test('are refused with 400 invalid_request over loopback, and nothing is written', async () => {
    const mock = createVinrMock();
    const server = await serve(mock);
    const res = await request(`${server.baseURL}/engagement/loyalty_accounts`, {
      method: 'POST',
      headers: AUTH,
      body: invalidUtf8,
    });
    expect(res.statusCode).toBe(400);
    const body = (await res.body.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(/UTF-8/);
    expect(mock.events).toEqual([]);
    expect((await mock.client().engagement.loyaltyAccounts.list()).data).toEqual([]);
  });

  test('are refused in process (mock.dispatcher) too', async () => {
    const mock = createVinrMock();
    const res = await request('https://api.vinr.com/v1/engagement/loyalty_accounts', {
      method: 'POST',
      headers: AUTH,
      body: invalidUtf8,
      dispatcher: mock.dispatcher,
    });
    expect(res.statusCode).toBe(400);
    expect(((await res.body.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    expect((await mock.client().engagement.loyaltyAccounts.list()).data).toEqual([]);
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

describe('secrets of the mock', () => {
  test('never appear in util.inspect or JSON.stringify, and stay readable as properties', () => {
    const mock = createVinrMock({ secretKey: 'sk_test_hidden_1234', webhookSecret: 'whsec_hidden_5678' });
    for (const shown of [
      inspect(mock),
      inspect(mock, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(mock),
      String(mock),
    ]) {
      expect(shown).not.toContain('hidden_1234');
      expect(shown).not.toContain('hidden_5678');
    }
    expect(mock.secretKey).toBe('sk_test_hidden_1234');
    expect(mock.webhookSecret).toBe('whsec_hidden_5678');
  });
});

describe('mock.client({ secretKey })', () => {
  test('an explicit key wins over the mock key, so a test can see a 401', async () => {
    const mock = createVinrMock();
    const wrong = mock.client({ secretKey: 'sk_test_wrong', maxRetries: 0 });
    await expect(wrong.engagement.loyaltyAccounts.list()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(mock.client().engagement.loyaltyAccounts.list()).resolves.toBeDefined();
  });
});

describe('webhook endpoints outside loopback', () => {
  test.each([
    'http://169.254.169.254/latest/meta-data',
    'https://example.com/hooks',
    'http://0.0.0.0:8080/hooks',
    'http://localhost.example.com/hooks',
    'http://10.0.0.1/hooks',
    'http://[::ffff:a9fe:a9fe]/hooks',
  ])('%s is refused with 400 on url, saying how to allow it', async (url) => {
    const mock = createVinrMock();
    const err = await mock
      .client()
      .webhookEndpoints.create({ url })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).param).toBe('url');
    expect((err as BadRequestError).message).toContain('allowRemote: true');
    expect((err as BadRequestError).message).toContain('--allow-remote-webhooks');
    expect((await mock.client().webhookEndpoints.list()).data).toEqual([]);
  });

  test.each([
    'http://localhost:4000/hooks',
    'http://127.0.0.1:4000/hooks',
    'http://127.9.8.7/hooks',
    'http://[::1]:4000/hooks',
    'https://LOCALHOST/hooks',
  ])('%s (loopback) is accepted', async (url) => {
    const created = await createVinrMock().client().webhookEndpoints.create({ url });
    expect(created.url).toBe(url);
  });

  test('any host is accepted with webhooks.allowRemote', async () => {
    const mock = createVinrMock({ webhooks: { allowRemote: true } });
    const created = await mock.client().webhookEndpoints.create({ url: 'https://hooks.example.com/vinr' });
    expect(created.url).toBe('https://hooks.example.com/vinr');
  });
});

describe('webhook retry timers', () => {
  let bundle = '';
  beforeAll(async () => {
    const { build } = await import('esbuild');
    bundle = join(ROOT, '.vinr-tmp', 'hardening-test', 'webhook-script.mjs');
    // A plain script a user would write: an endpoint that is down, one event, then nothing left to do.
    const contents = `
      import { createServer } from 'node:net';
      import { createVinrMock } from '@vinr/sdk/mocks';
      const free = createServer();
      await new Promise((r) => free.listen(0, '127.0.0.1', r));
      const port = free.address().port;
      await new Promise((r) => free.close(r));
      const mock = createVinrMock({ webhookDelivery: { retryDelays: [1500, 1500] } });
      const vinr = mock.client();
      await vinr.webhookEndpoints.create({ url: 'http://127.0.0.1:' + port + '/down' });
      const offer = await vinr.engagement.offers.create({ name: 'o', incentive: { type: 'points_bonus', points: 5 } });
      await vinr.engagement.offers.publish(offer.id);
      if (process.argv[2] === 'idle') {
        await mock.webhooks.idle();
        console.log('attempts', mock.webhooks.deliveries[0].attempts.length);
      } else {
        while ((mock.webhooks.deliveries[0]?.attempts.length ?? 0) < 1) await new Promise((r) => setTimeout(r, 5));
        console.log('done');
      }
    `;
    await build({
      stdin: { contents, resolveDir: ROOT, loader: 'ts' },
      outfile: bundle,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'error',
      external: ['undici', 'zod', 'msw'],
    });
  });

  function run(arg: string): Promise<{ code: number | null; out: string; exitAfterOutputMs: number }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [bundle, arg], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      let printedAt = 0;
      child.stdout.on('data', (c) => {
        out += c;
        printedAt = performance.now();
      });
      child.on('exit', (code) => resolve({ code, out, exitAfterOutputMs: performance.now() - printedAt }));
    });
  }

  test('do not keep a script alive once it has nothing else to do', async () => {
    const { code, out, exitAfterOutputMs } = await run('exit');
    expect(out.trim()).toBe('done');
    expect(code).toBe(0);
    expect(exitAfterOutputMs).toBeLessThan(1_000); // the pending retries would take 3 s
  });

  test('mock.webhooks.idle() still waits for every retry', async () => {
    const { code, out } = await run('idle');
    expect(out.trim()).toBe('attempts 3');
    expect(code).toBe(0);
  });
});
