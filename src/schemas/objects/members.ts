import { z } from 'zod';
import { accountStatus } from '../accounts.js';
import { idOf, metadataObject, utc } from './common.js';

export const loyaltyAccount = z
  .object({
    id: idOf('loy'),
    object: z.literal('loyalty_account'),
    customer: z.string().nullable(),
    tier: z.string().nullable(),
    /** May go below zero after refunds. */
    points_balance: z.number().int(),
    status: accountStatus,
    /** Keys of the segments the member is in. */
    segments: z.array(z.string()),
    enrolled_at: utc,
    metadata: metadataObject,
    created_at: utc,
  })
  .meta({ id: 'LoyaltyAccount', description: 'A member’s loyalty account (`loy_…`).' });

export const segment = z
  .object({
    key: z.string().regex(/^[a-z0-9_]{1,64}$/),
    object: z.literal('segment'),
    name: z.string(),
    member_count: z.number().int().min(0),
    created_at: utc,
  })
  .meta({ id: 'Segment', description: 'A named group of members, keyed by `key` (e.g. `lapsed_90d`).' });

export const reward = z
  .object({
    id: idOf('rwd'),
    object: z.literal('reward'),
    name: z.string(),
    points_cost: z.number().int().min(0),
    created_at: utc,
  })
  .meta({ id: 'Reward', description: 'A catalog reward (`rwd_…`), the prize of a `gift_reward` offer.' });
