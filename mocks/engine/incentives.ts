/**
 * Integer arithmetic of the incentives (docs/api.md, "Offer rules"). Rates are scaled to integers and multiplied as BigInt, so
 * `1.15 × 100` is 115 (not 114.999…) and amounts up to 10^12 minor units never lose precision.
 */

const SCALE = 1_000_000;
const BIG_SCALE = BigInt(SCALE);

/** A decimal rate as an integer number of millionths (more decimals are rounded). */
const micros = (rate: number): bigint => BigInt(Math.round(rate * SCALE));

/**
 * Base points of a payment: `floor(amount / 100 × earnRate)`.
 * @example
 * ```ts
 * baseEarn(4999, 1); // 49
 * ```
 */
export function baseEarn(amount: number, earnRate: number): number {
  return Number((BigInt(amount) * micros(earnRate)) / (100n * BIG_SCALE));
}

/**
 * Bonus of a `points_multiplier`: `floor(base × m) − base` (0 means no redemption).
 * @example
 * ```ts
 * multiplierBonus(7, 1.5); // 3
 * multiplierBonus(1, 1.5); // 0
 * ```
 */
export function multiplierBonus(base: number, multiplier: number): number {
  return Number((BigInt(base) * micros(multiplier)) / BIG_SCALE) - base;
}

/**
 * A `percentage_discount`: `min(floor(amount × percent / 100), max_discount, room)` where `room` is
 * what earlier discounts on the same payment left of the amount.
 * @example
 * ```ts
 * percentageDiscount(1999, 15, null, 1999); // 299
 * percentageDiscount(1999, 15, 250, 1999); // 250
 * ```
 */
export function percentageDiscount(amount: number, percent: number, maxDiscount: number | null, room: number): number {
  const raw = Number((BigInt(amount) * BigInt(Math.round(percent * 100))) / 10_000n);
  return Math.max(0, Math.min(raw, maxDiscount ?? raw, room));
}
