/**
 * Webhook verification benchmark (issue 5). In one process, alternating rounds so drift on a shared
 * machine spreads over every variant; ratios are taken within a round and their median reported.
 *
 *   npx tsx bench/webhooks.ts [--quick]
 *
 * Targets: verify ≥ 0.95× a raw createHmac + timingSafeEqual + JSON.parse loop; verify ≥ 1× stripe's
 * constructEvent; verifyAsync (cached CryptoKey) ≥ 4× stripe's constructEventAsync on WebCrypto.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Vinr } from '@vinr/sdk';
import Stripe from 'stripe';
import { Bench } from 'tinybench';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 5;
const TIME_MS = quick ? 150 : 1_000;
const SECRET = 'whsec_bench_0123456789abcdef';

function payloadOf(bytes: number): string {
  const event = {
    id: 'evt_1Bench000000000000000',
    object: 'event',
    type: 'loyalty.offer.redeemed',
    created_at: '2026-01-15T12:00:00.000Z',
    data: { offer: 'ofr_1Bench00000000000000', account: 'loy_1Bench00000000000000', note: '' },
  };
  const base = JSON.stringify(event).length;
  event.data.note = 'x'.repeat(Math.max(0, bytes - base));
  return JSON.stringify(event);
}

const payload = payloadOf(1024);
const t = Math.floor(Date.now() / 1000);
const header = `t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${payload}`).digest('hex')}`;
const sigHex = header.slice(header.indexOf('v1=') + 3);

const vinr = new Vinr({ secretKey: 'sk_bench', webhookSecret: SECRET });
const stripe = new Stripe('sk_test_bench');
const subtleProvider = Stripe.createSubtleCryptoProvider();

/** The floor: what a hand-written verifier does, with no header parsing and no checks. */
function raw(): unknown {
  const expected = createHmac('sha256', SECRET).update(`${t}.${payload}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(sigHex, 'hex'))) throw new Error('mismatch');
  return JSON.parse(payload);
}

type Sink = { value: unknown };
const sink: Sink = { value: undefined };

const SYNC = {
  'raw createHmac+timingSafeEqual+JSON.parse': () => {
    sink.value = raw();
  },
  'vinr.webhooks.verify': () => {
    sink.value = vinr.webhooks.verify(payload, header);
  },
  'stripe constructEvent': () => {
    sink.value = stripe.webhooks.constructEvent(payload, header, SECRET);
  },
};
const ASYNC = {
  'vinr.webhooks.verifyAsync (cached CryptoKey)': async () => {
    sink.value = await vinr.webhooks.verifyAsync(payload, header);
  },
  'stripe constructEventAsync (SubtleCrypto)': async () => {
    sink.value = await stripe.webhooks.constructEventAsync(payload, header, SECRET, undefined, subtleProvider);
  },
  'stripe constructEventAsync (default Node provider)': async () => {
    sink.value = await stripe.webhooks.constructEventAsync(payload, header, SECRET);
  },
};
type Name = keyof typeof SYNC | keyof typeof ASYNC;

async function round(order: number): Promise<Map<Name, number>> {
  const bench = new Bench({ time: TIME_MS, warmupTime: quick ? 30 : 200 });
  const entries = [...Object.entries(SYNC), ...Object.entries(ASYNC)] as [Name, () => unknown][];
  // Rotate the order every round so no variant always runs first (or last).
  const rotated = entries.map((_, i) => entries[(i + order) % entries.length] as [Name, () => unknown]);
  for (const [name, fn] of rotated) bench.add(name, fn);
  await bench.run();
  const ops = new Map<Name, number>();
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state !== 'completed') throw new Error(`${task.name}: ${r.state}`);
    ops.set(task.name as Name, 1000 / r.period);
  }
  return ops;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main(): Promise<void> {
  // Sanity: every variant accepts the same delivery (a benchmark of failures would be meaningless).
  raw();
  vinr.webhooks.verify(payload, header);
  stripe.webhooks.constructEvent(payload, header, SECRET);
  await vinr.webhooks.verifyAsync(payload, header);
  await stripe.webhooks.constructEventAsync(payload, header, SECRET, undefined, subtleProvider);

  const rounds: Map<Name, number>[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(i));
  const opsOf = (n: Name) => median(rounds.map((r) => r.get(n) as number));
  const ratio = (a: Name, b: Name) => median(rounds.map((r) => (r.get(a) as number) / (r.get(b) as number)));

  console.log(`payload ${payload.length} B · ${ROUNDS} round(s) × ${TIME_MS} ms per variant · node ${process.version}`);
  for (const n of [...Object.keys(SYNC), ...Object.keys(ASYNC)] as Name[]) {
    console.log(`  ${n.padEnd(52)} ${Math.round(opsOf(n)).toLocaleString('en-US').padStart(10)} ops/s`);
  }
  const checks: [string, number, number][] = [
    ['verify ÷ raw loop', ratio('vinr.webhooks.verify', 'raw createHmac+timingSafeEqual+JSON.parse'), 0.95],
    ['verify ÷ stripe constructEvent', ratio('vinr.webhooks.verify', 'stripe constructEvent'), 1],
    [
      'verifyAsync ÷ stripe constructEventAsync (SubtleCrypto)',
      ratio('vinr.webhooks.verifyAsync (cached CryptoKey)', 'stripe constructEventAsync (SubtleCrypto)'),
      4,
    ],
  ];
  console.log('ratios (median of per-round ratios):');
  for (const [label, value, target] of checks) {
    const verdict = value >= target ? 'ok' : 'BELOW TARGET';
    console.log(`  ${label.padEnd(58)} ${value.toFixed(2)}×  (target ≥ ${target}×) ${verdict}`);
  }
  console.log(
    `  (info) verifyAsync ÷ stripe constructEventAsync (default Node provider): ${ratio(
      'vinr.webhooks.verifyAsync (cached CryptoKey)',
      'stripe constructEventAsync (default Node provider)',
    ).toFixed(2)}×`,
  );
  if (sink.value === undefined) throw new Error('unreachable');
}

await main();
