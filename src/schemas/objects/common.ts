import { z } from 'zod';

/**
 * Building blocks of the response objects. Responses are described as the server sends them: every field
 * present (`null` when it does not apply), timestamps as UTC ISO 8601 strings, money in integer minor units.
 */

/** A UTC timestamp as the server prints it (`Date#toISOString`), e.g. `2026-01-01T00:00:00.000Z`. */
export const utc = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .meta({ format: 'date-time' });

/** An id with its prefix, e.g. `ofr_…`. */
export const idOf = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]+$`));

/** Integer minor units (cents). */
export const money = z.number().int();

/** Your key-value data, as stored: string, number or boolean values. */
export const metadataObject = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** `{ object: 'list', data, has_more }`: one page of a list, newest first. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean() });

/** The body of every error response. */
export const error = z
  .object({
    error: z.object({
      /** Machine-readable code, e.g. `offer_limit_reached`; the SDK maps it to a typed error. */
      code: z.string(),
      /** A sentence for people; it names the fix where there is one. */
      message: z.string(),
      /** The parameter at fault (a body or query path, or a header name), when there is one. */
      param: z.string().optional(),
      /** Structured context, e.g. `{ limit: 'max_redemptions' }` or `{ failed_conditions: [...] }`. */
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error', description: 'The body of every error response.' });
