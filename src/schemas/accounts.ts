import { z } from 'zod';
import { metadata, pagination, timestamp } from './common.js';

export const accountStatus = z.enum(['active', 'suspended', 'closed']);

/** Params of `loyaltyAccounts.create`. */
export const accountCreate = z.strictObject({
  /** Your own customer id, to find the account again. */
  customer: z.string().min(1).max(255).optional(),
  /** Tier name, e.g. `gold` (offers can target tiers); `null` for none. */
  tier: z.string().min(1).max(64).nullable().optional(),
  /** Opening balance in points (default 0), recorded as an `opening_balance` transaction. */
  points_balance: z.number().int().min(0).max(1_000_000_000).optional(),
  /** When the member enrolled (default now; may be in the past, for imports). ISO 8601 with a zone. */
  enrolled_at: timestamp.optional(),
  /** Your key-value data (string, number or boolean values); offers can target it. */
  metadata: metadata.optional(),
});

export const accountUpdate = z.strictObject({
  /** Your own customer id. */
  customer: z.string().min(1).max(255).optional(),
  /** New tier, or `null` for none. */
  tier: z.string().min(1).max(64).nullable().optional(),
  /** `active`, `suspended` or `closed`; only active accounts qualify for offers. */
  status: accountStatus.optional(),
  /** Replaces the whole metadata map. */
  metadata: metadata.optional(),
});

export const accountList = z.strictObject({ ...pagination });

/** A loyalty account's status: only `active` accounts qualify for offers. */
export type AccountStatus = z.infer<typeof accountStatus>;
/** Params of `vinr.engagement.loyaltyAccounts.create`. */
export type LoyaltyAccountCreateParams = z.input<typeof accountCreate>;
/** Params of `vinr.engagement.loyaltyAccounts.update`. */
export type LoyaltyAccountUpdateParams = z.input<typeof accountUpdate>;
/** Params of `vinr.engagement.loyaltyAccounts.list`: cursor pagination. */
export type LoyaltyAccountListParams = z.input<typeof accountList>;
