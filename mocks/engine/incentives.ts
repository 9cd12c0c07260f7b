import type { Incentive } from '../../src/schemas/offers.js';

/**
 * Integer arithmetic of every incentive. Rates are scaled to integers and multiplied as BigInt, so
 * `1.15 × 100` is 115 (not 114.999…) and amounts up to 10^12 minor units never lose precision.
 */

const SCALE = 1_000_000;
const BIG_SCALE = BigInt(SCALE);

/** A decimal rate as an integer number of millionths (more decimals are rounded). */
const micros = (rate: number): bigint => BigInt(Math.round(rate * SCALE));

/**
 * Base points of a payment: `floor(amount / 100 × earnRate)`.
 */
export function baseEarn(amount: number, earnRate: number): number {
  return Number((BigInt(amount) * micros(earnRate)) / (100n * BIG_SCALE));
}

/**
 * Bonus of a `points_multiplier`: `floor(base × m) − base` (0 means no redemption).
 */
export function multiplierBonus(base: number, multiplier: number): number {
  return Number((BigInt(base) * micros(multiplier)) / BIG_SCALE) - base;
}

/**
 * A `percentage_discount`: `min(floor(amount × percent / 100), max_discount, room)` where `room` is
 * what earlier discounts on the same payment left of the amount.
 */
export function percentageDiscount(amount: number, percent: number, maxDiscount: number | null, room: number): number {
  const raw = Number((BigInt(amount) * BigInt(Math.round(percent * 100))) / 10_000n);
  return Math.max(0, Math.min(raw, maxDiscount ?? raw, room));
}

/**
 * Points bonuses and gift rewards are one-off: opted in, they redeem at activation; automatic, they
 * apply on the member's first qualifying purchase only (whatever a larger `per_member_limit` allows).
 */
export const isOneOff = (incentive: Incentive): boolean =>
  incentive.type === 'points_bonus' || incentive.type === 'gift_reward';

/** What one offer is worth on one purchase; all empty means it does not apply. */
export interface Worth {
  points: number;
  discount: number | null;
  reward: string | null;
}

/**
 * The worth of `incentive` on a purchase of `amount` earning `base` points, where earlier discounts
 * left `room` of the amount. Null when it is worth nothing (no redemption, no limit used).
 */
export function worthOf(incentive: Incentive, amount: number, base: number, room: number): Worth | null {
  switch (incentive.type) {
    case 'points_multiplier': {
      const points = multiplierBonus(base, incentive.multiplier);
      return points > 0 ? { points, discount: null, reward: null } : null;
    }
    case 'percentage_discount': {
      const discount = percentageDiscount(amount, incentive.percent, incentive.max_discount ?? null, room);
      return discount > 0 ? { points: 0, discount, reward: null } : null;
    }
    case 'points_bonus':
      return { points: incentive.points, discount: null, reward: null };
    case 'gift_reward':
      return { points: 0, discount: null, reward: incentive.reward };
  }
}
