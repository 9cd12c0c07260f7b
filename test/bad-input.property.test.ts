import { createVinrMock, type LoopbackServer, type VinrMock } from '@vinr/sdk/mocks';
import fc from 'fast-check';
import { Pool, request } from 'undici';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { allRoutes } from '../mocks/http/handlers.js';

/**
 * Junk in, typed 4xx out: random methods, paths, queries, bodies and keys through the loopback server.
 * Never a 5xx, always a complete JSON answer, and a refusal never changes state. Fixed seed (override
 * with FUZZ_SEED) so a failure replays; fast-check prints the shrunk counterexample.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_101);
const RUNS = 250;

let mock: VinrMock;
let server: LoopbackServer;
let pool: Pool;
/** Seeded ids plus traps; filled in `beforeAll`, read lazily by the arbitraries. */
const ids: string[] = [];

beforeAll(async () => {
  mock = createVinrMock({ now: '2026-01-10T00:00:00Z' });
  const vinr = mock.client();
  const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold', metadata: { vip: true } });
  const segment = await vinr.engagement.segments.create({ key: 'fuzz_seg' });
  const reward = await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 500 });
  const bonus = await vinr.engagement.offers.create({
    name: 'Bonus',
    incentive: { type: 'points_bonus', points: 10 },
    max_redemptions: 1_000,
  });
  await vinr.engagement.offers.publish(bonus.id);
  const draft = await vinr.engagement.offers.create({
    name: 'Draft',
    incentive: { type: 'points_multiplier', multiplier: 2 },
  });
  ids.push(
    account.id,
    segment.key,
    reward.id,
    bonus.id,
    draft.id,
    'ofr_missing',
    'loy_missing',
    '..',
    '%2e%2e',
    'x'.repeat(300),
  );
  server = await mock.listen();
  pool = new Pool(server.url, { connections: 4 });
});
afterAll(async () => {
  await pool.close();
  await server.close();
});

const AUTH = `Bearer sk_test_vinr_mock`;
const apiRoutes = allRoutes.filter((r) => !r.testHelper);

/** Everything observable, read in process (no sockets): lists, the seeded objects, the event log. */
async function snapshot(): Promise<string> {
  const paths = [
    '/engagement/offers?limit=100',
    '/engagement/loyalty_accounts?limit=100',
    '/engagement/segments?limit=100',
    '/engagement/rewards?limit=100',
    `/engagement/redemptions?limit=100`,
    `/engagement/points_transactions?limit=100&account=${ids[0]}`,
    '/webhook_endpoints?limit=100',
    '/test_helpers/events',
  ];
  const out = await Promise.all(
    paths.map(async (p) => {
      const res = await request(`https://api.vinr.com/v1${p}`, {
        dispatcher: mock.dispatcher,
        headers: { authorization: AUTH },
      });
      return `${res.statusCode} ${await res.body.text()}`;
    }),
  );
  return out.join('\n');
}

const junkString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', 'ofr_', 'loy_x', '2026-13-45', 'NaN', '-1', '1e309', '../..'),
);
const anId = fc.nat({ max: 99 }).map((i) => ids[i % ids.length] as string);
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  junkString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  anId,
  fc.array(junkString, { maxLength: 3 }),
  fc.dictionary(junkString, junkString, { maxKeys: 3 }),
);
const fieldNames = [
  'name',
  'incentive',
  'targeting',
  'activation',
  'starts_at',
  'ends_at',
  'max_redemptions',
  'per_member_limit',
  'metadata',
  'account',
  'accounts',
  'key',
  'points_cost',
  'customer',
  'tier',
  'status',
  'points_balance',
  'enrolled_at',
  'type',
  'payment_id',
  'amount',
  'currency',
  'occurred_at',
  'url',
  'events',
  'unknown_field',
];
const shapedBody = fc.dictionary(fc.constantFrom(...fieldNames), junkValue, { maxKeys: 5 });
const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) }, // mostly invalid JSON
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
  { weight: 6, arbitrary: shapedBody.map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('name', 'payment_id', 'key').map((k) => JSON.stringify({ [k]: 'x'.repeat(200_000) })),
  },
);

const segment = fc.oneof(anId, fc.stringMatching(/^[A-Za-z0-9_.%~-]{1,16}$/));
const routePath = fc
  .tuple(fc.constantFrom(...apiRoutes), fc.array(segment, { minLength: 3, maxLength: 3 }))
  .map(([route, values]) => {
    let i = 0;
    return route.path.replace(/:[a-z_]+/g, () => values[i++] as string);
  });
const randomPath = fc
  .array(fc.oneof(fc.constantFrom('engagement', 'offers', 'events', 'segments', 'members'), segment), {
    minLength: 1,
    maxLength: 4,
  })
  .filter((parts) => parts[0] !== 'test_helpers')
  .map((parts) => `/${parts.join('/')}`);
const query = fc
  .dictionary(fc.constantFrom('limit', 'starting_after', 'status', 'offer', 'account', 'type', 'zzz'), junkString, {
    maxKeys: 3,
  })
  .map((q) => {
    const s = new URLSearchParams(q as Record<string, string>).toString();
    return s ? `?${s}` : '';
  });

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS'),
  path: fc.oneof({ weight: 4, arbitrary: routePath }, { weight: 1, arbitrary: randomPath }),
  query,
  body,
  auth: fc.constantFrom<'ok' | 'none' | 'wrong'>('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'none', 'wrong'),
  idempotencyKey: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/), { nil: undefined }),
});

const CODES: Record<number, string[]> = {
  400: ['invalid_request'],
  401: ['authentication_failed'],
  404: ['resource_missing'],
  405: ['invalid_request'],
  409: [
    'offer_limit_reached',
    'offer_not_active',
    'offer_not_opt_in',
    'invalid_state_transition',
    'payment_conflict',
    'idempotency_key_reused',
    'idempotency_key_in_use',
  ],
  413: ['invalid_request'],
  422: ['offer_not_eligible', 'account_not_active'],
};

const WHOLE_REQUEST = /not valid JSON|not valid percent-encoding|takes no request body|Invalid body: \(root\)/;

test(`fuzz: ${RUNS} junk requests get typed 4xx and change nothing`, async () => {
  let before = await snapshot();
  await fc.assert(
    fc.asyncProperty(requestArb, async (r) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (r.auth === 'ok') headers.authorization = AUTH;
      if (r.auth === 'wrong') headers.authorization = 'Bearer sk_test_wrong';
      if (r.idempotencyKey) headers['idempotency-key'] = r.idempotencyKey;
      const sendsBody = r.body !== undefined && r.method !== 'GET';
      const res = await pool.request({
        path: `/v1${r.path}${r.query}`,
        method: r.method as 'GET',
        headers,
        ...(sendsBody ? { body: r.body as string } : {}),
      });
      const text = await res.body.text();
      expect(res.statusCode, text).toBeLessThan(500);
      const json = JSON.parse(text) as { error?: { code: string; message: string; param?: string } };
      const after = await snapshot();
      if (res.statusCode >= 400) {
        expect(CODES[res.statusCode], `${res.statusCode} ${text}`).toContain(json.error?.code);
        if (res.statusCode === 405)
          expect(res.headers.allow).toMatch(/^(GET|POST|PATCH|DELETE)(, (GET|POST|PATCH|DELETE))*$/);
        // A 400 names the failing parameter, unless the request as a whole is unreadable.
        if (res.statusCode === 400 && !WHOLE_REQUEST.test(json.error?.message ?? '')) {
          expect(typeof json.error?.param, text).toBe('string');
        }
        expect(after, `${r.method} ${r.path} changed state with ${res.statusCode}`).toBe(before);
      }
      before = after;
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
}, 60_000);
