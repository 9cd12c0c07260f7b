import { randomFillSync } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 20;

// One `randomFillSync` per id cost more than the rest of an activation (several ids each): draw from a pool
// refilled once every ~200 ids, as `crypto.randomUUID` does internally.
const pool = Buffer.alloc(ID_LENGTH * 205);
let offset = pool.length;

/** The id source of the mock whose request is being served (each mock makes its own, replayable ids). */
let scoped: ((prefix: string) => string) | undefined;

/**
 * Runs `fn` (synchronous, like every engine step) with `source` making the ids.
 * @example
 * ```ts
 * withIdSource(ids.newId, () => route.handle(input, ctx));
 * ```
 */
export function withIdSource<T>(source: (prefix: string) => string, fn: () => T): T {
  const previous = scoped;
  scoped = source;
  try {
    return fn();
  } finally {
    scoped = previous;
  }
}

/**
 * `ofr_…`-style ids: a prefix and 20 random alphanumerics. Order is never inferred from ids.
 */
export function newId(prefix: string): string {
  if (scoped) return scoped(prefix);
  if (offset + ID_LENGTH > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let out = `${prefix}_`;
  for (let i = offset; i < offset + ID_LENGTH; i++) out += ALPHABET[pool[i]! % ALPHABET.length];
  offset += ID_LENGTH;
  return out;
}
