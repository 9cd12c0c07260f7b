import type { Targeting } from '../../src/schemas/offers.js';
import type { AccountRecord } from './records.js';

export type TargetingCondition = 'segments' | 'tiers' | 'min_balance' | 'enrolled_before' | 'metadata';

/**
 * Every condition of `targeting` the account fails, in a fixed order (empty = eligible).
 * `balance` is the balance to compare with `min_balance` — the one before the purchase's own points.
 * An empty `segments`/`tiers` list is treated as absent (no condition).
 */
export function failedConditions(account: AccountRecord, targeting: Targeting, balance: number): TargetingCondition[] {
  const failed: TargetingCondition[] = [];
  const { segments, tiers, min_balance, enrolled_before, metadata } = targeting;
  if (segments?.length && !segments.some((key) => account.segments.includes(key))) failed.push('segments');
  if (tiers?.length && (account.tier === null || !tiers.includes(account.tier))) failed.push('tiers');
  if (min_balance !== undefined && balance < min_balance) failed.push('min_balance');
  if (enrolled_before !== undefined && !(account.enrolledAt < Date.parse(enrolled_before))) {
    failed.push('enrolled_before');
  }
  if (metadata !== undefined) {
    const own = account.metadata;
    const mismatch = Object.entries(metadata).some(([key, value]) => !Object.hasOwn(own, key) || own[key] !== value);
    if (mismatch) failed.push('metadata');
  }
  return failed;
}
