import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

// `npm run demo` is the README's main job: the seed scenario against the embedded reference server.
test('npm run demo plays the seed scenario, then a discounted checkout and its refunds', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/seed-scenario.ts'], {
    cwd: root,
    timeout: 30_000,
  });
  const lines = stdout.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
  for (const expected of [
    'Ana refused: offer_not_eligible (failed: tiers)',
    'Ben +1000 points (consumed)',
    'Eve refused: account_not_active',
    'Ben activates again: refused: offer_limit_reached (limit: per_member_limit)',
    'Ana 2026-06-06: 45 base + 45 offer points',
    'Ana 2026-06-07: 45 base + 0 offer points',
    'Cleo 2026-06-09: 45 base + 0 offer points',
    'Ana 255 points (silver, active, lapsed_90d)',
    'Win-back weekend: expired, 2 redemptions',
    'Gold bonus: active, 2/500 redemptions',
    'Ana not eligible (targeting)',
    'Eve not eligible (account_not_active)',
    'Ben cart EUR 120.00: -EUR 18.00, pay EUR 102.00, +120 points (open)',
    'Ben holds 1 slot of 100 until 2026-06-09T09:15:00.000Z',
    'Ben paid EUR 102.00 (pay_2001): +120 points, completed',
    'Ben refund EUR 51.00 (re_1): -60 points, 0 redemption(s) reversed',
    'Ben refund EUR 51.00 (re_2): -60 points, 1 redemption(s) reversed',
    'Summer 15% off: active, 0 redemptions, 0 reserved',
    'Ben 3400 points after the refunds',
  ]) {
    expect(lines).toContain(expected);
  }
}, 40_000);
