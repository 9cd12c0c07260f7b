import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook, verifyWebhookAsync, type WebhookHeader } from '@vinr/sdk/webhooks';
import { describe, expect, test } from 'vitest';

const SECRET = 'whsec_agree';
const NOW_MS = Date.UTC(2026, 2, 1);
const NOW_S = NOW_MS / 1000;
const body = JSON.stringify({ id: 'evt_a', object: 'event', type: 'loyalty.offer.paused', created_at: 'x', data: {} });
const sig = (secret: string, t: number, payload: string = body) =>
  createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');

interface Case {
  name: string;
  payload: unknown;
  header: WebhookHeader;
  secret: string | string[];
  tolerance?: number;
}

const cases: Case[] = [
  { name: 'valid', payload: body, header: `t=${NOW_S},v1=${sig(SECRET, NOW_S)}`, secret: SECRET },
  { name: 'valid Buffer', payload: Buffer.from(body), header: `t=${NOW_S},v1=${sig(SECRET, NOW_S)}`, secret: SECRET },
  {
    name: 'valid Uint8Array, Headers',
    payload: new TextEncoder().encode(body),
    header: new Headers({ 'x-vinr-signature': `t=${NOW_S},v1=${sig(SECRET, NOW_S)}` }),
    secret: SECRET,
  },
  {
    name: 'rotation',
    payload: body,
    header: { 'x-vinr-signature': `t=${NOW_S},v1=${sig('whsec_a', NOW_S)},v1=${sig('whsec_b', NOW_S)}` },
    secret: ['whsec_c', 'whsec_b'],
  },
  { name: 'tampered', payload: `${body}\n`, header: `t=${NOW_S},v1=${sig(SECRET, NOW_S)}`, secret: SECRET },
  { name: 'wrong secret', payload: body, header: `t=${NOW_S},v1=${sig('whsec_no', NOW_S)}`, secret: SECRET },
  { name: 'stale', payload: body, header: `t=${NOW_S - 301},v1=${sig(SECRET, NOW_S - 301)}`, secret: SECRET },
  { name: 'future', payload: body, header: `t=${NOW_S + 301},v1=${sig(SECRET, NOW_S + 301)}`, secret: SECRET },
  {
    name: 'custom tolerance',
    payload: body,
    header: `t=${NOW_S - 60},v1=${sig(SECRET, NOW_S - 60)}`,
    secret: SECRET,
    tolerance: 30,
  },
  { name: 'missing header', payload: body, header: undefined, secret: SECRET },
  { name: 'malformed header', payload: body, header: 't=1', secret: SECRET },
  { name: 'parsed body', payload: JSON.parse(body), header: `t=${NOW_S},v1=${sig(SECRET, NOW_S)}`, secret: SECRET },
  { name: 'no secret', payload: body, header: `t=${NOW_S},v1=${sig(SECRET, NOW_S)}`, secret: [] },
  { name: 'short v1', payload: body, header: `t=${NOW_S},v1=${sig(SECRET, NOW_S).slice(2)}`, secret: SECRET },
  {
    name: 'signed by signWebhook',
    payload: body,
    header: signWebhook(body, { secret: SECRET, timestamp: NOW_S }),
    secret: SECRET,
  },
];

type Outcome = { ok: true; id: string } | { ok: false; reason: string };
const outcome = (run: () => { id: string }): Outcome => {
  try {
    return { ok: true, id: run().id };
  } catch (e) {
    return { ok: false, reason: String((e as { reason?: string }).reason) };
  }
};

describe('verifyWebhook and verifyWebhookAsync agree', () => {
  test.each(cases)('$name', async (c) => {
    const options = { secret: c.secret, now: NOW_MS, ...(c.tolerance === undefined ? {} : { tolerance: c.tolerance }) };
    const sync = outcome(() => verifyWebhook(c.payload as string, c.header, options));
    let async: Outcome;
    try {
      async = { ok: true, id: (await verifyWebhookAsync(c.payload as string, c.header, options)).id };
    } catch (e) {
      async = { ok: false, reason: String((e as { reason?: string }).reason) };
    }
    expect(async).toEqual(sync);
  });

  test('the table exercises both outcomes and every reason but no_secret-from-env', () => {
    const reasons = new Set(
      cases.map((c) => {
        const r = outcome(() =>
          verifyWebhook(c.payload as string, c.header, {
            secret: c.secret,
            now: NOW_MS,
            ...(c.tolerance === undefined ? {} : { tolerance: c.tolerance }),
          }),
        );
        return r.ok ? 'ok' : r.reason;
      }),
    );
    expect([...reasons].sort()).toEqual(
      [
        'ok',
        'missing_header',
        'malformed_header',
        'no_matching_signature',
        'timestamp_out_of_tolerance',
        'payload_not_raw',
        'no_secret',
      ].sort(),
    );
  });

  test('repeated async verification with the same secret stays correct (cached key)', async () => {
    for (let i = 0; i < 5; i++) {
      const t = NOW_S - i;
      expect((await verifyWebhookAsync(body, `t=${t},v1=${sig(SECRET, t)}`, { secret: SECRET, now: NOW_MS })).id).toBe(
        'evt_a',
      );
      await expect(
        verifyWebhookAsync(body, `t=${t},v1=${sig('whsec_other', t)}`, { secret: SECRET, now: NOW_MS }),
      ).rejects.toMatchObject({ reason: 'no_matching_signature' });
    }
  });
});
