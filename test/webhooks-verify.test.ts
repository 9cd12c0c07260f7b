import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { Vinr, WebhookSignatureError } from '@vinr/sdk';
import { signWebhook, verifyWebhook, verifyWebhookAsync } from '@vinr/sdk/webhooks';
import { afterEach, describe, expect, test, vi } from 'vitest';

const SECRET = 'whsec_test_verify';
const NOW_MS = Date.UTC(2026, 0, 15, 12, 0, 0);
const NOW_S = NOW_MS / 1000;

const event = {
  id: 'evt_123',
  object: 'event',
  type: 'loyalty.offer.redeemed',
  created_at: '2026-01-15T12:00:00.000Z',
  data: { offer: 'ofr_1', account: 'loy_1', redemption: { id: 'rdm_1' }, points_transaction: null },
};
const body = JSON.stringify(event);

/** Independent of the SDK: the header as docs/webhooks.md defines it. */
const hmacHex = (secret: string, t: number | string, payload: string | Buffer) =>
  createHmac('sha256', secret).update(`${t}.`).update(payload).digest('hex');
const header = (t: number, ...secrets: string[]) =>
  `t=${t},${secrets.map((s) => `v1=${hmacHex(s, t, body)}`).join(',')}`;

const client = (webhookSecret?: string) =>
  new Vinr({ secretKey: 'sk_test_x', ...(webhookSecret === undefined ? {} : { webhookSecret }) });

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(WebhookSignatureError);
    return (e as WebhookSignatureError).reason;
  }
  throw new Error('expected a WebhookSignatureError');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('verify: valid signatures', () => {
  test('a pinned vector from an independent HMAC implementation verifies', () => {
    const payload =
      '{"id":"evt_vector","object":"event","type":"loyalty.offer.paused","created_at":"2023-11-14T22:13:20.000Z","data":{}}';
    const sig = 't=1700000000,v1=64e8161774329564ae21f4b495aedd6f5bbf63b224a39b3d993f452403ec7955';
    const out = verifyWebhook(payload, sig, { secret: 'whsec_test_vector', now: 1_700_000_000_000 });
    expect(out.id).toBe('evt_vector');
    expect(signWebhook(payload, { secret: 'whsec_test_vector', timestamp: 1_700_000_000 })).toBe(sig);
  });

  test('returns the parsed event for string, Buffer and Uint8Array payloads', () => {
    const vinr = client(SECRET);
    const h = header(NOW_S, SECRET);
    expect(vinr.webhooks.verify(body, h, { now: NOW_MS })).toEqual(event);
    expect(vinr.webhooks.verify(Buffer.from(body), h, { now: NOW_MS })).toEqual(event);
    expect(vinr.webhooks.verify(new TextEncoder().encode(body), h, { now: NOW_MS })).toEqual(event);
  });

  test('narrows on a known type', () => {
    const out = verifyWebhook(body, header(NOW_S, SECRET), { secret: SECRET, now: NOW_MS });
    if (out.type !== 'loyalty.offer.redeemed') throw new Error('unexpected type');
    expect(out.data.account).toBe('loy_1');
    expect(out.data.points_transaction).toBeNull();
  });

  test('an unknown event type still parses', () => {
    const payload = JSON.stringify({ ...event, type: 'loyalty.tier.changed', data: { tier: 'gold' } });
    const t = NOW_S;
    const out = verifyWebhook(payload, `t=${t},v1=${hmacHex(SECRET, t, payload)}`, { secret: SECRET, now: NOW_MS });
    expect(out).toMatchObject({ type: 'loyalty.tier.changed', data: { tier: 'gold' } });
  });

  test('the header may be a string, a Node headers record (string or string[]) or a Fetch Headers', () => {
    const vinr = client(SECRET);
    const h = header(NOW_S, SECRET);
    const opts = { now: NOW_MS };
    expect(vinr.webhooks.verify(body, h, opts).id).toBe('evt_123');
    expect(vinr.webhooks.verify(body, { 'x-vinr-signature': h, host: 'x' }, opts).id).toBe('evt_123');
    expect(vinr.webhooks.verify(body, { 'X-Vinr-Signature': h }, opts).id).toBe('evt_123');
    const [t, v1] = h.split(',');
    expect(vinr.webhooks.verify(body, { 'x-vinr-signature': [String(t), String(v1)] }, opts).id).toBe('evt_123');
    expect(vinr.webhooks.verify(body, new Headers({ 'X-VINR-SIGNATURE': h }), opts).id).toBe('evt_123');
  });

  test('rotation: any of several secrets, any of several v1', () => {
    const OLD = 'whsec_old';
    const NEW = 'whsec_new';
    const both = header(NOW_S, OLD, NEW);
    expect(verifyWebhook(body, both, { secret: NEW, now: NOW_MS }).id).toBe('evt_123');
    expect(verifyWebhook(body, both, { secret: OLD, now: NOW_MS }).id).toBe('evt_123');
    expect(verifyWebhook(body, header(NOW_S, OLD), { secret: [NEW, OLD], now: NOW_MS }).id).toBe('evt_123');
    expect(reasonOf(() => verifyWebhook(body, header(NOW_S, OLD), { secret: [NEW], now: NOW_MS }))).toBe(
      'no_matching_signature',
    );
    const signed = signWebhook(body, { secret: [OLD, NEW], timestamp: NOW_S });
    expect(signed).toBe(both);
  });

  test('whitespace and extra unknown schemes in the header are tolerated', () => {
    const sig = hmacHex(SECRET, NOW_S, body);
    const h = ` t=${NOW_S} , v0=deadbeef, v1=${'0'.repeat(64)}, v1=${sig.toUpperCase()} `;
    expect(verifyWebhook(body, h, { secret: SECRET, now: NOW_MS }).id).toBe('evt_123');
  });
});

describe('verify: refusals', () => {
  const opts = { secret: SECRET, now: NOW_MS };

  test('a tampered body is refused', () => {
    const tampered = body.replace('loy_1', 'loy_2');
    expect(reasonOf(() => verifyWebhook(tampered, header(NOW_S, SECRET), opts))).toBe('no_matching_signature');
    expect(reasonOf(() => verifyWebhook(`${body} `, header(NOW_S, SECRET), opts))).toBe('no_matching_signature');
  });

  test('a wrong secret is refused', () => {
    expect(reasonOf(() => verifyWebhook(body, header(NOW_S, 'whsec_other'), opts))).toBe('no_matching_signature');
  });

  test('a signature whose t was changed is refused', () => {
    const forged = header(NOW_S, SECRET).replace(`t=${NOW_S}`, `t=${NOW_S + 1}`);
    expect(reasonOf(() => verifyWebhook(body, forged, opts))).toBe('no_matching_signature');
  });

  test('stale and future timestamps are refused beyond the tolerance, in both directions', () => {
    expect(reasonOf(() => verifyWebhook(body, header(NOW_S - 301, SECRET), opts))).toBe('timestamp_out_of_tolerance');
    expect(reasonOf(() => verifyWebhook(body, header(NOW_S + 301, SECRET), opts))).toBe('timestamp_out_of_tolerance');
    expect(verifyWebhook(body, header(NOW_S - 300, SECRET), opts).id).toBe('evt_123');
    expect(verifyWebhook(body, header(NOW_S + 300, SECRET), opts).id).toBe('evt_123');
    const tight = { ...opts, tolerance: 10 };
    expect(reasonOf(() => verifyWebhook(body, header(NOW_S - 11, SECRET), tight))).toBe('timestamp_out_of_tolerance');
    expect(verifyWebhook(body, header(NOW_S - 10, SECRET), tight).id).toBe('evt_123');
  });

  test('the injected clock decides freshness (Date or ms)', () => {
    const old = header(1_700_000_000, SECRET);
    expect(reasonOf(() => verifyWebhook(body, old, { secret: SECRET }))).toBe('timestamp_out_of_tolerance');
    expect(verifyWebhook(body, old, { secret: SECRET, now: new Date(1_700_000_100_000) }).id).toBe('evt_123');
    expect(verifyWebhook(body, old, { secret: SECRET, now: 1_700_000_100_000 }).id).toBe('evt_123');
  });

  test('a missing header is refused', () => {
    for (const h of [undefined, null, '', '  ', {}, new Headers(), { 'x-other': 'x' }, []]) {
      expect(reasonOf(() => verifyWebhook(body, h, opts))).toBe('missing_header');
    }
  });

  test('a malformed header is refused', () => {
    const sig = hmacHex(SECRET, NOW_S, body);
    for (const h of [`v1=${sig}`, `t=abc,v1=${sig}`, `t=${NOW_S}`, `t=${NOW_S},v0=${sig}`, 'garbage', `t=,v1=${sig}`]) {
      expect(reasonOf(() => verifyWebhook(body, h, opts))).toBe('malformed_header');
    }
  });

  test('v1 values that are not a SHA-256 hex digest never match', () => {
    expect(reasonOf(() => verifyWebhook(body, `t=${NOW_S},v1=abc`, opts))).toBe('no_matching_signature');
    const sig = hmacHex(SECRET, NOW_S, body);
    expect(reasonOf(() => verifyWebhook(body, `t=${NOW_S},v1=${sig}00`, opts))).toBe('no_matching_signature');
  });

  test('a parsed body is refused before the secret is even looked up, with the raw-body recipes', () => {
    let secretReads = 0;
    const spy = {
      get secret() {
        secretReads++;
        return SECRET;
      },
      now: NOW_MS,
    };
    for (const parsed of [event, [event], 42, null, undefined, new ArrayBuffer(4)]) {
      let error: unknown;
      try {
        verifyWebhook(parsed as never, header(NOW_S, SECRET), spy);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WebhookSignatureError);
      const e = error as WebhookSignatureError;
      expect(e.reason).toBe('payload_not_raw');
      expect(e.message).toContain("express.raw({ type: 'application/json' })");
      expect(e.message).toContain("parseAs: 'buffer'");
      expect(e.message).toContain('await req.text()');
      expect(e.message).toContain('node:http');
    }
    expect(secretReads).toBe(0);
  });

  test('a parsed body is refused even with no header and no secret (the payload is checked first)', () => {
    expect(reasonOf(() => client().webhooks.verify(event as never, undefined))).toBe('payload_not_raw');
  });

  test('no secret anywhere is refused with no_secret', () => {
    vi.stubEnv('VINR_WEBHOOK_SECRET', '');
    const vinr = client();
    expect(reasonOf(() => vinr.webhooks.verify(body, header(NOW_S, SECRET), { now: NOW_MS }))).toBe('no_secret');
    expect(reasonOf(() => vinr.webhooks.verify(body, header(NOW_S, SECRET), { secret: [], now: NOW_MS }))).toBe(
      'no_secret',
    );
    expect(reasonOf(() => verifyWebhook(body, header(NOW_S, SECRET), { secret: ' ', now: NOW_MS }))).toBe('no_secret');
  });

  test('secret order: option, then client webhookSecret, then VINR_WEBHOOK_SECRET', () => {
    vi.stubEnv('VINR_WEBHOOK_SECRET', 'whsec_env');
    const withClient = client('whsec_client');
    expect(withClient.webhooks.verify(body, header(NOW_S, 'whsec_client'), { now: NOW_MS }).id).toBe('evt_123');
    expect(reasonOf(() => withClient.webhooks.verify(body, header(NOW_S, 'whsec_env'), { now: NOW_MS }))).toBe(
      'no_matching_signature',
    );
    expect(withClient.webhooks.verify(body, header(NOW_S, 'whsec_opt'), { secret: 'whsec_opt', now: NOW_MS }).id).toBe(
      'evt_123',
    );
    const envOnly = client();
    expect(envOnly.webhooks.verify(body, header(NOW_S, 'whsec_env'), { now: NOW_MS }).id).toBe('evt_123');
  });

  test('a secret with surrounding whitespace gets a hint, and the secret is never printed', () => {
    const padded = `${SECRET}\n`;
    let message = '';
    try {
      verifyWebhook(body, header(NOW_S, SECRET), { secret: padded, now: NOW_MS });
    } catch (e) {
      expect((e as WebhookSignatureError).reason).toBe('no_matching_signature');
      message = (e as Error).message;
    }
    expect(message).toMatch(/whitespace/);
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('test_verify');
    const plain = (() => {
      try {
        verifyWebhook(body, header(NOW_S, 'whsec_x'), { secret: SECRET, now: NOW_MS });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(plain).not.toMatch(/whitespace/);
  });

  test('the client secret does not leak through inspect', () => {
    const vinr = client('whsec_do_not_print');
    expect(inspect(vinr.webhooks, { showHidden: true, depth: 5 })).not.toContain('do_not_print');
    expect(JSON.stringify(vinr.webhooks)).not.toContain('do_not_print');
  });

  test('bad options are configuration errors, not signature failures', () => {
    const h = header(NOW_S, SECRET);
    for (const bad of [{ tolerance: -1 }, { tolerance: Number.NaN }, { now: new Date('nope') }]) {
      expect(() => verifyWebhook(body, h, { secret: SECRET, ...bad })).toThrow(/Invalid/);
    }
  });
});

describe('verifyAsync', () => {
  test('returns a rejection, never a synchronous throw', async () => {
    const vinr = client(SECRET);
    const p = vinr.webhooks.verifyAsync({} as never, undefined);
    await expect(p).rejects.toMatchObject({ name: 'WebhookSignatureError', reason: 'payload_not_raw' });
  });

  test('verifies with the client secret and the injected clock', async () => {
    const vinr = client(SECRET);
    const out = await vinr.webhooks.verifyAsync(
      Buffer.from(body),
      new Headers({ 'x-vinr-signature': header(NOW_S, SECRET) }),
      {
        now: NOW_MS,
      },
    );
    expect(out).toEqual(event);
    await expect(verifyWebhookAsync(body, header(NOW_S, SECRET), { secret: SECRET })).rejects.toMatchObject({
      reason: 'timestamp_out_of_tolerance',
    });
  });
});

describe('sign', () => {
  test('defaults t to now (unix seconds) and uses the client secret', () => {
    const vinr = client(SECRET);
    const before = Math.floor(Date.now() / 1000);
    const h = vinr.webhooks.sign(body);
    const t = Number(/^t=(\d+),/.exec(h)?.[1]);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(before + 2);
    expect(h).toBe(`t=${t},v1=${hmacHex(SECRET, t, body)}`);
    expect(vinr.webhooks.verify(body, h).id).toBe('evt_123');
  });

  test('honours an explicit timestamp and secret', () => {
    const h = client(SECRET).webhooks.sign(body, { timestamp: 1234, secret: 'whsec_other' });
    expect(h).toBe(`t=1234,v1=${hmacHex('whsec_other', 1234, body)}`);
  });

  test('refuses a parsed object, a bad timestamp and a missing secret', () => {
    vi.stubEnv('VINR_WEBHOOK_SECRET', '');
    expect(reasonOf(() => client(SECRET).webhooks.sign(event as never))).toBe('payload_not_raw');
    expect(() => client(SECRET).webhooks.sign(body, { timestamp: 1.5 })).toThrow(/unix seconds/);
    expect(reasonOf(() => client().webhooks.sign(body))).toBe('no_secret');
  });
});
