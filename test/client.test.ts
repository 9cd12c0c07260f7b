import { inspect } from 'node:util';
import Default, { AuthenticationError, isAPIError, isVinrError, VERSION, Vinr, VinrError } from '@vinr/sdk';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { TRANSPORTS } from './support/transports.js';
import { offerJson, startWireServer } from './support/wire-server.js';

const SECRET = 'sk_live_S3cr3t_never_print_me';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('construction', () => {
  test('the default export is the Vinr class', () => {
    expect(Default).toBe(Vinr);
  });

  test('a missing key throws a VinrError naming both ways to supply it', () => {
    vi.stubEnv('VINR_SECRET_KEY', '');
    expect(() => new Vinr()).toThrow(VinrError);
    expect(() => new Vinr()).toThrow(/secretKey[\s\S]*VINR_SECRET_KEY/);
  });

  test('environment defaults: key, base URL', () => {
    vi.stubEnv('VINR_SECRET_KEY', 'sk_from_env');
    vi.stubEnv('VINR_BASE_URL', 'http://127.0.0.1:9/v1/');
    const vinr = new Vinr();
    expect(vinr.baseURL).toBe('http://127.0.0.1:9/v1');
    vi.stubEnv('VINR_BASE_URL', '');
    expect(new Vinr().baseURL).toBe('https://api.vinr.com/v1');
  });

  test('bad configuration is refused with a VinrError', () => {
    expect(() => new Vinr({ secretKey: 'k', baseURL: 'ftp://x' })).toThrow(VinrError);
    expect(() => new Vinr({ secretKey: 'k', maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => new Vinr({ secretKey: 'k', timeout: 0 })).toThrow(/timeout/);
  });
});

describe('the secret key never leaks', () => {
  test('not through inspect, JSON.stringify or String', () => {
    const vinr = new Vinr({ secretKey: SECRET, webhookSecret: 'whsec_hidden_value' });
    for (const text of [inspect(vinr, { depth: 10, showHidden: true }), JSON.stringify(vinr), String(vinr)]) {
      expect(text).not.toContain('S3cr3t');
      expect(text).not.toContain('whsec_hidden');
    }
    expect(inspect(vinr.engagement.offers, { depth: 10, showHidden: true })).not.toContain('S3cr3t');
  });

  test.each(TRANSPORTS)('not through errors or debug logs (over $name)', async (transport) => {
    const s = await startWireServer((_r, i) =>
      i === 0
        ? { status: 401, body: { error: { code: 'authentication_failed', message: 'Invalid API key provided.' } } }
        : { status: 200, body: offerJson() },
    );
    const lines: string[] = [];
    const logger = {
      debug: (m: string) => lines.push(m),
      info: (m: string) => lines.push(m),
      warn: vi.fn(),
      error: vi.fn(),
    };
    try {
      const vinr = new Vinr({
        secretKey: SECRET,
        baseURL: s.baseURL,
        logLevel: 'debug',
        logger,
        ...transport.options(),
      });
      const e = await vinr.engagement.offers.retrieve('ofr_1').catch((x) => x);
      expect(e).toBeInstanceOf(AuthenticationError);
      expect(isAPIError(e) && isVinrError(e)).toBe(true);
      const dump = `${e.message} ${e.stack} ${inspect(e, { depth: 10, showHidden: true })} ${JSON.stringify(e)}`;
      expect(dump).not.toContain('S3cr3t');
      await vinr.engagement.offers.retrieve('ofr_1');
      expect(lines.join('\n')).not.toContain('S3cr3t');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^vinr: GET \/engagement\/offers\/ofr_1 401 attempt=1 request_id=req_wire1 \d+ms$/);
      expect(lines[1]).toMatch(/GET \/engagement\/offers\/ofr_1 200 attempt=1/);
      // The key is sent, as a bearer token, and only there.
      expect(s.seen[0]!.headers.authorization).toBe(`Bearer ${SECRET}`);
    } finally {
      await s.close();
    }
  });
});

describe.each(TRANSPORTS)('wire format over $name', (transport) => {
  test('headers: auth, user agent, JSON content type, default headers with null removal, per-call headers', async () => {
    const s = await startWireServer(() => ({ status: 200, body: offerJson() }));
    try {
      const vinr = new Vinr({
        secretKey: 'sk_test_h',
        baseURL: s.baseURL,
        ...transport.options(),
        defaultHeaders: { 'X-Team': 'loyalty', 'User-Agent': 'custom/1', Accept: null },
      });
      await vinr.engagement.offers.update('ofr_1', { name: 'n' }, { headers: { 'x-team': null, 'x-call': 'yes' } });
      const h = s.seen[0]!.headers;
      expect(h['user-agent']).toBe('custom/1');
      expect(h['x-team']).toBeUndefined();
      expect(h['x-call']).toBe('yes');
      expect(h['content-type']).toBe('application/json');
      expect(s.seen[0]!.method).toBe('PATCH');
      expect(JSON.parse(s.seen[0]!.body)).toEqual({ name: 'n' });

      await new Vinr({ secretKey: 'sk_test_h', baseURL: s.baseURL, ...transport.options() }).engagement.offers.retrieve(
        'ofr_1',
      );
      expect(s.seen[1]!.headers['user-agent']).toBe(`vinr-sdk/${VERSION} node/${process.versions.node}`);
      expect(s.seen[1]!.headers.accept).toBe('application/json');
    } finally {
      await s.close();
    }
  });

  test('path parameters are percent-encoded; . and .. are refused as a rejection, never a throw', async () => {
    const s = await startWireServer(() => ({ status: 200, body: offerJson() }));
    try {
      const vinr = new Vinr({ secretKey: 'k', baseURL: s.baseURL, ...transport.options() });
      await vinr.engagement.offers.retrieve('ofr_1/../../admin?x=1');
      expect(s.seen[0]!.url).toBe('/v1/engagement/offers/ofr_1%2F..%2F..%2Fadmin%3Fx%3D1');
      for (const bad of ['..', '.', '']) {
        let promise: Promise<unknown> | undefined;
        expect(() => {
          promise = vinr.engagement.offers.publish(bad);
        }).not.toThrow();
        await expect(promise).rejects.toBeInstanceOf(VinrError);
      }
      expect(s.seen).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  test('withOptions returns a new client with the changes, sharing the connection pool', async () => {
    const s = await startWireServer(() => ({ status: 200, body: offerJson() }));
    try {
      const base = new Vinr({
        secretKey: 'k',
        baseURL: s.baseURL,
        defaultHeaders: { 'x-a': '1' },
        ...transport.options(),
      });
      const other = base.withOptions({ defaultHeaders: { 'x-b': '2' }, maxRetries: 0 });
      expect(other).toBeInstanceOf(Vinr);
      expect(other).not.toBe(base);
      await base.engagement.offers.retrieve('ofr_1');
      await other.engagement.offers.retrieve('ofr_1');
      expect(s.seen[0]!.headers['x-a']).toBe('1');
      expect(s.seen[1]!.headers['x-b']).toBe('2');
      expect(s.seen[1]!.headers['x-a']).toBeUndefined();
      expect(new Set(s.seen.map((r) => r.headers.connection))).toEqual(new Set(['keep-alive']));
      await base.close();
    } finally {
      await s.close();
    }
  });
});

test('close() leaves an injected dispatcher to its owner', async () => {
  const { createVinrMock } = await import('@vinr/sdk/mocks');
  const mock = createVinrMock();
  const vinr = mock.client();
  await vinr.close();
  const again = mock.client();
  await expect(again.engagement.rewards.create({ name: 'Mug', points_cost: 1 })).resolves.toMatchObject({
    object: 'reward',
  });
});
