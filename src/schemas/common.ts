import { z } from 'zod';

/** An ISO 8601 timestamp with an explicit zone (`Z` or an offset). */
export const timestamp = z.iso
  .datetime({ offset: true, message: 'expected an ISO 8601 timestamp with a zone' })
  // Keeps every instant printable as a plain `YYYY-…Z` string, which the same schema accepts back.
  .refine((v) => {
    const year = new Date(v).getUTCFullYear();
    // An unparseable value was already reported by the format check: one issue per path.
    return Number.isNaN(year) || (year >= 1 && year <= 9999);
  }, 'expected a year from 0001 to 9999 (in UTC)');

/**
 * A timestamp with a zone, or a date `YYYY-MM-DD` meaning that day at 00:00 UTC; either way it comes out as a
 * UTC timestamp (`…Z`), so what is stored and returned reads like every other timestamp.
 */
export const timestampOrDate = z
  .union([z.iso.date(), timestamp], {
    error: 'expected an ISO 8601 timestamp with a zone, or a date YYYY-MM-DD (read as 00:00 UTC)',
  })
  .transform((v) => new Date(v).toISOString());

/** A money amount: an integer in minor units (cents), so 45.50 is 4550. */
export const minorUnits = () =>
  z.number().int({ error: 'expected an integer amount in minor units (e.g. 4550 for 45.50)' });

const metadataRecord = z
  .record(z.string().min(1).max(40), z.union([z.string().max(500), z.number(), z.boolean()]))
  .refine((m) => Object.keys(m).length <= 50, { message: 'at most 50 metadata keys' })
  // The refine is invisible to JSON Schema; the same limit, stated for `openapi.json`.
  .meta({ maxProperties: 50 });
type MetadataInput = z.input<typeof metadataRecord>;

/**
 * Metadata: up to 50 keys (≤ 40 chars) of string (≤ 500 chars), number or boolean values. A `__proto__`
 * key is refused: zod's record drops it silently, so a targeting condition on it would target everyone.
 */
export const metadata = z.preprocess<MetadataInput, typeof metadataRecord, MetadataInput>((value, ctx) => {
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, '__proto__')) {
    ctx.addIssue({ code: 'custom', message: 'reserved key', path: ['__proto__'], input: value });
  }
  return value;
}, metadataRecord);

export const segmentKey = z.string().regex(/^[a-z0-9_]{1,64}$/, 'expected 1-64 characters of a-z, 0-9 and _');

/** An object id with its prefix, e.g. `ofr_…`. */
export const prefixedId = (prefix: string) =>
  z
    .string()
    .max(255)
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9]+$`), `expected an id starting with ${prefix}_`);

/** Query-string integer: a number from the SDK, a decimal string on the wire. */
const queryInt = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.number().int().min(min).max(max));

/** Cursor pagination shared by every list: newest first, `starting_after` an id. */
export const pagination = {
  /** Items per page, 1 to 100 (default 10). */
  limit: queryInt(1, 100).optional(),
  /** Cursor: the id of the last item of the previous page. */
  starting_after: z.string().min(1).max(255).optional(),
};

/** Your key-value data on an object: up to 50 keys of string, number or boolean values. */
export type Metadata = z.infer<typeof metadata>;
