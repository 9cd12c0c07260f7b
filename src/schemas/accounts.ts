import { z } from 'zod';
import { metadata, pagination, timestamp } from './common.js';

export const accountStatus = z.enum(['active', 'suspended', 'closed']);

export const accountCreate = z.strictObject({
  customer: z.string().min(1).max(255).optional(),
  tier: z.string().min(1).max(64).nullable().optional(),
  points_balance: z.number().int().min(0).max(1_000_000_000).optional(),
  enrolled_at: timestamp.optional(),
  metadata: metadata.optional(),
});

export const accountUpdate = z.strictObject({
  customer: z.string().min(1).max(255).optional(),
  tier: z.string().min(1).max(64).nullable().optional(),
  status: accountStatus.optional(),
  metadata: metadata.optional(),
});

export const accountList = z.strictObject({ ...pagination });

export type AccountStatus = z.infer<typeof accountStatus>;
export type LoyaltyAccountCreateParams = z.input<typeof accountCreate>;
export type LoyaltyAccountUpdateParams = z.input<typeof accountUpdate>;
export type LoyaltyAccountListParams = z.input<typeof accountList>;
