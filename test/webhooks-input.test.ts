import { createHmac } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { Vinr } from '@vinr/sdk';
import { signWebhook, VinrError, verifyWebhook, verifyWebhookAsync, WebhookSignatureError } from '@vinr/sdk/webhooks';
import { afterEach, describe, expect, test, vi } from 'vitest';

const SECRET = 'whsec_test_input';
const NOW_S = 1_800_000_000;
const NOW_MS = NOW_S * 1000;
const body = JSON.stringify({
  id: 'evt_1',
  object: 'event',
  type: 'loyalty.account.created',
  created_at: '2027-01-15T08:00:00.000Z',
  data: { id: 'loy_1' },
});
const hmacHex = (secret: string, t: number | string, payload: string) =>
  createHmac('sha256', secret).update(`${t}.`).update(payload).digest('hex');
const header = `t=${NOW_S},v1=${hmacHex(SECRET, NOW_S, body)}`;
const opts = { secret: SECRET, now: NOW_MS };

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
const reasonOf = (fn: () => unknown) => {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(WebhookSignatureError);
  return (e as WebhookSignatureError).reason;
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a secret of the wrong type is a no_secret refusal, not a TypeError', () => {
  test.each([
    ['a number', 123],
    ['an object', {}],
    ['an array of numbers', [1, 2]],
  ])('verify / verifyAsync / sign with %s', async (_name, secret) => {
    vi.stubEnv('VINR_WEBHOOK_SECRET', '');
    const bad = { secret: secret as unknown as string, now: NOW_MS };
    expect(reasonOf(() => verifyWebhook(body, header, bad))).toBe('no_secret');
    await expect(verifyWebhookAsync(body, header, bad)).rejects.toMatchObject({ reason: 'no_secret' });
    expect(reasonOf(() => signWebhook(body, { secret: secret as unknown as string }))).toBe('no_secret');
    expect(reasonOf(() => new Vinr({ secretKey: 'sk_x' }).webhooks.verify(body, header, bad))).toBe('no_secret');
  });

  test('signWebhook(payload, {}) without VINR_WEBHOOK_SECRET is no_secret', () => {
    vi.stubEnv('VINR_WEBHOOK_SECRET', '');
    const e = thrown(() => signWebhook(body, {}));
    expect(e).toBeInstanceOf(WebhookSignatureError);
    expect((e as WebhookSignatureError).reason).toBe('no_secret');
    expect((e as Error).message).toMatch(/VINR_WEBHOOK_SECRET/);
  });

  test('the standalone functions fall back to VINR_WEBHOOK_SECRET', async () => {
    vi.stubEnv('VINR_WEBHOOK_SECRET', SECRET);
    const signed = signWebhook(body, { timestamp: NOW_S });
    expect(signed).toBe(header);
    expect(verifyWebhook(body, signed, { now: NOW_MS }).id).toBe('evt_1');
    expect((await verifyWebhookAsync(body, signed, { now: NOW_MS })).id).toBe('evt_1');
  });
});

describe('payloads and headers from other realms and in other shapes', () => {
  test('a Uint8Array made in another realm is a raw payload', async () => {
    const foreign = runInNewContext('new Uint8Array(bytes)', { bytes: [...Buffer.from(body)] }) as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    expect(verifyWebhook(foreign, header, opts).id).toBe('evt_1');
    expect((await verifyWebhookAsync(foreign, header, opts)).id).toBe('evt_1');
    expect(signWebhook(foreign, { secret: SECRET, timestamp: NOW_S })).toBe(header);
  });

  test.each([
    ['a Buffer', () => Buffer.from(header)],
    ['a Uint8Array', () => new TextEncoder().encode(header)],
    ['a Uint8Array from another realm', () => runInNewContext('new Uint8Array(b)', { b: [...Buffer.from(header)] })],
  ])('a header given as %s is decoded as UTF-8', async (_name, make) => {
    const bytes = make() as Uint8Array;
    expect(verifyWebhook(body, bytes, opts).id).toBe('evt_1');
    expect((await verifyWebhookAsync(body, bytes, opts)).id).toBe('evt_1');
  });

  test('a repeated header (an array) is joined with ","', () => {
    const other = `v1=${hmacHex('whsec_other', NOW_S, body)}`;
    expect(verifyWebhook(body, [`t=${NOW_S}`, other], { ...opts, secret: 'whsec_other' }).id).toBe('evt_1');
    expect(verifyWebhook(body, { 'x-vinr-signature': [header, other] }, opts).id).toBe('evt_1');
  });

  test('spaces after commas and upper-case hex are accepted', () => {
    const upper = `t=${NOW_S}, v1=${hmacHex(SECRET, NOW_S, body).toUpperCase()}`;
    expect(verifyWebhook(body, upper, opts).id).toBe('evt_1');
  });

  test('"got undefined", not "got a undefined"', () => {
    const e = thrown(() => verifyWebhook(undefined as unknown as string, header, opts));
    expect((e as Error).message).toMatch(/got undefined\./);
    expect((e as Error).message).not.toMatch(/a undefined/);
  });
});

describe('sign takes unix seconds', () => {
  test('a fractional timestamp (Date.now() / 1000) is floored', () => {
    const h = signWebhook(body, { secret: SECRET, timestamp: NOW_S + 0.987 });
    expect(h).toBe(header);
    expect(verifyWebhook(body, h, opts).id).toBe('evt_1');
  });

  test('a millisecond timestamp is refused with a hint, in sign and vinr.webhooks.sign', () => {
    const e = thrown(() => signWebhook(body, { secret: SECRET, timestamp: NOW_MS }));
    expect(e).toBeInstanceOf(VinrError);
    expect((e as Error).message).toMatch(/milliseconds.*Math\.floor\(Date\.now\(\) \/ 1000\)/);
    const vinr = new Vinr({ secretKey: 'sk_x', webhookSecret: SECRET });
    expect(() => vinr.webhooks.sign(body, { timestamp: 1e11 })).toThrow(/milliseconds/);
    expect(vinr.webhooks.sign(body, { timestamp: 1e11 - 1 })).toMatch(/^t=99999999999,v1=/);
  });

  test.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('timestamp %s is refused', (timestamp) => {
    expect(() => signWebhook(body, { secret: SECRET, timestamp })).toThrow(/unix seconds/);
  });
});

describe('tolerance', () => {
  test('tolerance: 0 means the same second; it does not turn the check off', () => {
    const old = `t=${NOW_S - 1},v1=${hmacHex(SECRET, NOW_S - 1, body)}`;
    expect(reasonOf(() => verifyWebhook(body, old, { ...opts, tolerance: 0 }))).toBe('timestamp_out_of_tolerance');
    expect(verifyWebhook(body, header, { ...opts, now: NOW_MS + 999, tolerance: 0 }).id).toBe('evt_1');
  });
});

describe('the header parser is linear', () => {
  // A ratio, not a wall-clock bound: 16x the input must cost about 16x the time (a quadratic parser: about 256x).
  const fastest = (fn: () => void) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      fn();
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  test.each([
    ['commas', (n: number) => `t=${NOW_S},${','.repeat(n)}v1=${'0'.repeat(64)}`],
    ['"a,"', (n: number) => `t=${NOW_S},${'a,'.repeat(n / 2)}v1=${'0'.repeat(64)}`],
    ['"=" after many commas', (n: number) => `${','.repeat(n / 2)}${'='.repeat(n / 2)}`],
  ])('1 MB of %s is refused, in time proportional to its size', (_name, hostile) => {
    verifyWebhook(body, header, opts); // warm up
    const refuse = (h: string) => () =>
      expect(thrown(() => verifyWebhook(body, h, opts))).toBeInstanceOf(WebhookSignatureError);
    const small = hostile(1 << 16);
    const large = hostile(1 << 20);
    const ratio = fastest(refuse(large)) / Math.max(fastest(refuse(small)), 0.05);
    expect(ratio).toBeLessThan(64);
  });
});
