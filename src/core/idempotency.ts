import { randomUUID } from 'node:crypto';

/** One key per logical call, reused on every retry of it (SPEC §3.3). */
export const newIdempotencyKey = (): string => `vinr-node-${randomUUID()}`;
