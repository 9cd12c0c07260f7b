import { z } from 'zod';

/** What `mock.faults.inject` accepts. */
export const faultSpec = z.strictObject({
  status: z.number().int().min(400).max(599).optional(),
  // Ends up verbatim in a response header: a short, printable value.
  retryAfter: z
    .union([z.number().min(0).max(86_400), z.string().regex(/^[\x20-\x7e]{1,64}$/, 'printable ASCII, at most 64')])
    .optional(),
  networkError: z.boolean().optional(),
  afterCommit: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  match: z.strictObject({ method: z.string().min(1).optional(), path: z.string().min(1).optional() }).optional(),
  times: z.number().int().positive().optional(),
});

/** What `mock.faults.inject` and `POST /test_helpers/faults` accept. */
export interface FaultSpec {
  /** Answer with this HTTP status instead of the real response. */
  status?: number | undefined;
  /** `Retry-After` header of the fault's answer: seconds, or an HTTP date. */
  retryAfter?: number | string | undefined;
  /** Drop the connection: no response at all (the SDK sees a connection error). */
  networkError?: boolean | undefined;
  /** Apply the request's effect first (recording its idempotent response), then lose the response. */
  afterCommit?: boolean | undefined;
  /** Wait this long before answering (the request counts as in flight meanwhile). */
  delayMs?: number | undefined;
  /** Which requests: a method, and/or a substring of the path after the base URL (e.g. `/activations`). */
  match?: { method?: string | undefined; path?: string | undefined } | undefined;
  /** How many matching requests fail (default 1). */
  times?: number | undefined;
}

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

// The hand-written interface (documented for typedoc) must stay what the schema accepts.
const _sameShape: FaultSpec = {} as z.input<typeof faultSpec>;
void _sameShape;
