/**
 * One key per logical call, reused on every retry of it. WebCrypto's `randomUUID` (a global on
 * Node ≥ 19) spares `require('@vinr/sdk')` the load of `node:crypto`.
 */
export const newIdempotencyKey = (): string => `vinr-node-${globalThis.crypto.randomUUID()}`;
