import { Vinr, VinrValidationError } from '@vinr/sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { offerJson, startWireServer } from './support/wire-server.js';

let server: Awaited<ReturnType<typeof startWireServer>>;
let vinr: Vinr;
beforeAll(async () => {
  server = await startWireServer(() => ({ status: 200, body: offerJson() }));
  vinr = new Vinr({ secretKey: 'sk_test_v', baseURL: server.baseURL });
});
afterAll(() => server.close());

const issuesOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(VinrValidationError);
  return (e as VinrValidationError).issues;
};

describe('inputs are validated before anything is sent', () => {
  test('every failing path is listed, and no request reaches the server', async () => {
    const before = server.seen.length;
    const issues = await issuesOf(
      vinr.engagement.offers.create({
        name: '',
        incentive: { type: 'points_multiplier', multiplier: 11 },
        targeting: { segments: ['Not A Key'], min_balance: -5 },
        starts_at: 'tomorrow',
        per_member_limit: 0,
        bogus: true,
      } as never),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        'bogus',
        'incentive.multiplier',
        'name',
        'per_member_limit',
        'starts_at',
        'targeting.min_balance',
        'targeting.segments.0',
      ].sort(),
    );
    expect(server.seen.length).toBe(before);
  });

  test('incentive rules by type', async () => {
    const bad = [
      [{ type: 'points_multiplier', multiplier: 1 }, 'incentive.multiplier'],
      [{ type: 'points_bonus', points: 1.5 }, 'incentive.points'],
      [{ type: 'percentage_discount', percent: 12.345 }, 'incentive.percent'],
      [{ type: 'percentage_discount', percent: 0 }, 'incentive.percent'],
      [{ type: 'percentage_discount', percent: 10, max_discount: 0 }, 'incentive.max_discount'],
      [{ type: 'gift_reward', reward: 'mug' }, 'incentive.reward'],
      [{ type: 'cashback', amount: 5 }, 'incentive.type'],
    ] as const;
    for (const [incentive, path] of bad) {
      const issues = await issuesOf(vinr.engagement.offers.create({ name: 'x', incentive } as never));
      expect(issues.map((i) => i.path)).toContain(path);
    }
    expect(server.seen).toHaveLength(0);
  });

  test('ends_at must be after starts_at', async () => {
    const issues = await issuesOf(
      vinr.engagement.offers.create({
        name: 'x',
        incentive: { type: 'points_bonus', points: 10 },
        starts_at: '2026-06-08T00:00:00Z',
        ends_at: '2026-06-06T00:00:00Z',
      }),
    );
    expect(issues).toEqual([{ path: 'ends_at', message: 'must be after starts_at' }]);
  });

  test('other resources: accounts, segments, activation, track, list params', async () => {
    expect((await issuesOf(vinr.engagement.loyaltyAccounts.create({ points_balance: -1 }))).map((i) => i.path)).toEqual(
      ['points_balance'],
    );
    expect((await issuesOf(vinr.engagement.segments.create({ key: 'Lapsed 90' }))).map((i) => i.path)).toEqual(['key']);
    expect(
      (await issuesOf(vinr.engagement.segments.addMembers('lapsed_90d', { accounts: [] }))).map((i) => i.path),
    ).toEqual(['accounts']);
    expect(
      (await issuesOf(vinr.engagement.offers.activate({ offer: 'loy_1', account: 'ofr_1' }))).map((i) => i.path),
    ).toEqual(['offer', 'account']);
    const track = await issuesOf(
      vinr.engagement.events.track({
        type: 'payment.completed',
        account: 'loy_1',
        payment_id: '',
        amount: -1,
        currency: 'euro',
      }),
    );
    expect(track.map((i) => i.path)).toEqual(['payment_id', 'amount', 'currency']);
    expect((await issuesOf(vinr.engagement.offers.list({ limit: 101 }))).map((i) => i.path)).toEqual(['limit']);
    expect(server.seen).toHaveLength(0);
  });

  test('a list with bad params rejects as a promise and when iterated', async () => {
    const list = vinr.engagement.offers.list({ status: 'live' as never });
    await expect(list).rejects.toBeInstanceOf(VinrValidationError);
    await expect(
      (async () => {
        for await (const _ of vinr.engagement.offers.list({ status: 'live' as never })) {
          /* unreachable */
        }
      })(),
    ).rejects.toBeInstanceOf(VinrValidationError);
    await expect(vinr.engagement.offers.list().toArray({ limit: 0 })).rejects.toBeInstanceOf(VinrValidationError);
    expect(server.seen).toHaveLength(0);
  });

  test('the message names every path, and a valid input is sent as given', async () => {
    const e = (await vinr.engagement.rewards
      .create({ name: '', points_cost: -1 })
      .catch((x) => x)) as VinrValidationError;
    expect(e.message).toMatch(/name: .*; points_cost: /);
    await vinr.engagement.rewards.create({ name: 'Mug', points_cost: 800 });
    expect(JSON.parse(server.seen.at(-1)!.body)).toEqual({ name: 'Mug', points_cost: 800 });
  });
});
