import { z } from 'zod';

/** What `mock.faults.inject` accepts (SPEC §8.1). */
export const faultSpec = z.strictObject({
  status: z.number().int().min(400).max(599).optional(),
  retryAfter: z.union([z.number().min(0), z.string().min(1)]).optional(),
  networkError: z.boolean().optional(),
  afterCommit: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  match: z.strictObject({ method: z.string().min(1).optional(), path: z.string().min(1).optional() }).optional(),
  times: z.number().int().positive().optional(),
});

export type FaultSpec = z.input<typeof faultSpec>;

export interface Fault {
  status: number | undefined;
  retryAfter: string | undefined;
  networkError: boolean;
  afterCommit: boolean;
  delayMs: number;
}

interface Armed extends Fault {
  method: string | undefined;
  path: string | undefined;
  remaining: number;
}

/** Faults armed by tests; each matching request consumes one use. */
export class FaultController {
  #armed: Armed[] = [];

  /** Arms a fault for the next matching request(s). Throws a `ZodError` on a bad spec. */
  inject(spec: FaultSpec): void {
    const s = faultSpec.parse(spec);
    this.#armed.push({
      status: s.status,
      retryAfter: s.retryAfter === undefined ? undefined : String(s.retryAfter),
      networkError: s.networkError ?? (s.afterCommit === true && s.status === undefined),
      afterCommit: s.afterCommit ?? false,
      delayMs: s.delayMs ?? 0,
      method: s.match?.method?.toUpperCase(),
      path: s.match?.path,
      remaining: s.times ?? 1,
    });
  }

  clear(): void {
    this.#armed = [];
  }

  /** The first armed fault matching this request, consumed by one use. */
  take(method: string, path: string): Fault | undefined {
    const i = this.#armed.findIndex((f) => (!f.method || f.method === method) && (!f.path || path.includes(f.path)));
    if (i < 0) return undefined;
    const f = this.#armed[i]!;
    if (--f.remaining <= 0) this.#armed.splice(i, 1);
    return f;
  }
}
