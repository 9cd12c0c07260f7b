import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { bundleForNode, ROOT } from './support/bundle.js';

const children: ChildProcess[] = [];
let cli = '';

// Bundled once (as tsup bundles the bin) so each spawn is a plain `node` start, not a TypeScript loader's.
beforeAll(async () => {
  cli = join(ROOT, '.vinr-tmp', 'cli-test', 'cli.mjs');
  await bundleForNode({ entry: join(ROOT, 'mocks/cli.ts') }, cli);
});

function start(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (c) => {
    stderr += c;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    exited.then((code) => reject(new Error(`exited with ${code} before printing: ${stderr}`)));
  });
  firstLine.catch(() => {}); // awaited only by the tests that expect a line
  return { child, firstLine, exited, stderr: () => stderr };
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

async function post(url: string, body: unknown, key = 'sk_test_vinr_mock') {
  const res = await request(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
}

describe('vinr-mock', () => {
  test('prints one line with its base URL, serves the test helpers, and exits 0 on SIGTERM within 2 s', async () => {
    const cli = start(['--port', '0', '--now', '2026-05-01T00:00:00Z', '--secret-key', 'sk_test_cli']);
    const baseURL = await cli.firstLine;
    expect(baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);

    const clock = await post(`${baseURL}/test_helpers/clock`, { advance: '2h' }, 'sk_test_cli');
    expect(clock).toEqual({
      status: 200,
      json: { object: 'test_clock', now: '2026-05-01T02:00:00.000Z', frozen: true },
    });
    expect((await post(`${baseURL}/test_helpers/clock`, {})).status).toBe(401);
    const fault = await post(`${baseURL}/test_helpers/faults`, { status: 503, times: 2 }, 'sk_test_cli');
    expect(fault.json).toMatchObject({ object: 'test_fault', status: 503, times: 2 });
    const reset = await post(`${baseURL}/test_helpers/reset`, {}, 'sk_test_cli');
    expect(reset.json).toMatchObject({ object: 'test_reset', frozen: false });
    const events = await request(`${baseURL}/test_helpers/events`, {
      headers: { authorization: 'Bearer sk_test_cli' },
    });
    expect(await events.body.json()).toEqual({ object: 'list', data: [], has_more: false });

    const stopped = Date.now();
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(2_000);
  });

  test('--seed makes two servers answer the same calls with the same ids, and serves the journal', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const cli = start(['--port', '0', '--seed', 'ci-run']);
      const baseURL = await cli.firstLine;
      const account = await post(`${baseURL}/engagement/loyalty_accounts`, { tier: 'gold' });
      expect(account.json.created_at).toBe('2026-01-01T00:00:00.000Z');
      ids.push(String(account.json.id));
      const journal = await request(`${baseURL}/test_helpers/requests`, {
        headers: { authorization: 'Bearer sk_test_vinr_mock' },
      });
      const { data } = (await journal.body.json()) as { data: { path: string; status: number }[] };
      expect(data.map((r) => [r.path, r.status])).toEqual([['/engagement/loyalty_accounts', 200]]);
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
    expect(ids[1]).toBe(ids[0]);
  });

  test('SIGINT with an idle keep-alive socket and a stuck request still exits 0 within 2 s', async () => {
    const cli = start(['--port', '0']);
    const baseURL = await cli.firstLine;
    await post(`${baseURL}/test_helpers/clock`, {}); // leaves a keep-alive socket open in undici's global pool
    await post(`${baseURL}/test_helpers/faults`, { delayMs: 30_000 });
    const stuck = request(`${baseURL}/engagement/offers`, { headers: { authorization: 'Bearer sk_test_vinr_mock' } });
    stuck.catch(() => {}); // the process goes away under it
    await new Promise((r) => setTimeout(r, 100));
    const stopped = Date.now();
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(2_000);
  });

  test('SIGTERM while a client holds a half-sent request body still exits 0 within 2 s', async () => {
    const cli = start(['--port', '0']);
    const url = new URL(await cli.firstLine);
    const socket = connect(Number(url.port), '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(
      'POST /v1/engagement/loyalty_accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nauthorization: Bearer sk_test_vinr_mock\r\n' +
        'content-type: application/json\r\ncontent-length: 100\r\n\r\n{"tier":',
    );
    await new Promise((r) => setTimeout(r, 100));
    const stopped = Date.now();
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(2_000);
    socket.destroy();
  });

  test('--tenants gives two keys two isolated worlds; a key without sk_test_ or beyond --max-tenants is refused', async () => {
    const get = async (url: string, key: string) => {
      const res = await request(url, { headers: { authorization: `Bearer ${key}` } });
      return { status: res.statusCode, json: (await res.body.json()) as { data: Record<string, unknown>[] } };
    };
    const cli = start(['--port', '0', '--tenants', '--max-tenants', '2', '--seed', 'ci-run']);
    const baseURL = await cli.firstLine;
    const a = await post(`${baseURL}/engagement/loyalty_accounts`, { tier: 'gold' }, 'sk_test_job_a');
    const b = await post(`${baseURL}/engagement/loyalty_accounts`, { tier: 'silver' }, 'sk_test_job_b');
    // Each world runs its own seeded generators: the same first id, in two separate states.
    expect(b.json.id).toBe(a.json.id);
    const listA = await get(`${baseURL}/engagement/loyalty_accounts`, 'sk_test_job_a');
    expect(listA.json.data.map((x) => x.tier)).toEqual(['gold']);
    await post(`${baseURL}/test_helpers/clock`, { advance: '7d' }, 'sk_test_job_a');
    const clockB = await post(`${baseURL}/test_helpers/clock`, {}, 'sk_test_job_b');
    expect(clockB.json.now).toBe('2026-01-01T00:00:00.000Z');
    await post(`${baseURL}/test_helpers/reset`, {}, 'sk_test_job_a');
    const listB = await get(`${baseURL}/engagement/loyalty_accounts`, 'sk_test_job_b');
    expect(listB.json.data.map((x) => x.tier)).toEqual(['silver']);
    const journalB = await get(`${baseURL}/test_helpers/requests`, 'sk_test_job_b');
    expect(journalB.json.data.map((r) => r.path)).toEqual([
      '/engagement/loyalty_accounts',
      '/engagement/loyalty_accounts',
    ]);

    const live = await post(`${baseURL}/engagement/loyalty_accounts`, {}, 'sk_live_job_c');
    expect(live.status).toBe(401);
    expect(JSON.stringify(live.json)).toContain('sk_test_');
    const third = await post(`${baseURL}/engagement/loyalty_accounts`, {}, 'sk_test_job_c');
    expect(third.status).toBe(429);
    expect(JSON.stringify(third.json)).toContain('--max-tenants');
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);

    const single = start(['--port', '0']);
    const other = await post(`${await single.firstLine}/engagement/loyalty_accounts`, {}, 'sk_test_job_a');
    expect(other.status).toBe(401);
  });

  test('webhook endpoints on remote hosts are refused unless --allow-remote-webhooks is given', async () => {
    const remote = { url: 'https://hooks.example.com/vinr' };
    const strict = start(['--port', '0']);
    const refused = await post(`${await strict.firstLine}/webhook_endpoints`, remote);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'invalid_request', param: 'url' });
    expect(JSON.stringify(refused.json)).toContain('--allow-remote-webhooks');

    const open = start(['--port', '0', '--allow-remote-webhooks']);
    const created = await post(`${await open.firstLine}/webhook_endpoints`, remote);
    expect(created.status).toBe(200);
    expect(created.json.url).toBe(remote.url);
  });

  test('a port already in use is a clear error and exit code 1', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const { port } = taken.address() as AddressInfo;
    try {
      const cli = start(['--port', String(port)]);
      expect(await cli.exited).toBe(1);
      expect(cli.stderr()).toContain(`port ${port} is already in use`);
    } finally {
      taken.close();
    }
  });

  test.each([
    [['--port', '70000'], '--port must be an integer'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--now', 'yesterday'], '--now must be an ISO 8601 date'],
    [['--seed', ' '], '--seed must not be empty'],
    [['--max-tenants', '5'], '--max-tenants needs --tenants'],
    [['--tenants', '--max-tenants', 'many'], '--max-tenants must be an integer'],
  ])('bad flags %j exit 2 with a message', async (args, message) => {
    const cli = start(args);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toContain(message);
  });

  test('--help prints usage and exits 0', async () => {
    const cli = start(['--help']);
    expect(await cli.firstLine).toMatch(/^Usage: vinr-mock/);
    expect(await cli.exited).toBe(0);
  });
});
