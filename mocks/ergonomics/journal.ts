import type { MockRequest } from '../http/exchange.js';
import { apiPathOf } from '../http/router.js';

/** One API request as the reference server saw it (`mock.requests`). */
export interface JournalEntry {
  method: string;
  /** The path after the base URL, e.g. `/engagement/offers/ofr_1/activations`. */
  path: string;
  /** Query parameters as a plain object of strings. */
  query: Record<string, string>;
  /** The parsed JSON body, or `null` (no body, or not JSON). */
  body: unknown;
  /** The HTTP status sent; `0` when the connection was dropped (injected `networkError`). */
  status: number;
  /** The error code of a refusal (`offer_limit_reached`, …), else `null`. */
  code: string | null;
  idempotencyKey: string | null;
  /** The answer was the recorded response of an earlier request with the same key. */
  replayed: boolean;
  /** `Vinr-Retry-Count` + 1. */
  attempt: number;
  requestId: string;
  /** Real time of arrival, ISO 8601. */
  at: string;
}

export const DEFAULT_JOURNAL_LIMIT = 10_000;

let lastMs = Number.NaN;
let lastIso = '';
/** The real time as ISO 8601, formatted once per millisecond however many requests arrive in it. */
const nowIso = (): string => {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
};

/** `Vinr-Retry-Count` + 1; a missing or malformed header is a first attempt. */
const attemptOf = (retryCount: string | null | undefined): number => {
  const retries = Number(retryCount);
  return Number.isInteger(retries) && retries > 0 ? retries + 1 : 1;
};

/**
 * The last `limit` requests, oldest first. Appends are O(1): the backing array is trimmed in one splice
 * once it holds twice the limit, so reads slice the tail.
 */
export class Journal {
  #rows: JournalEntry[] = [];
  #version = 0;
  constructor(readonly limit: number = DEFAULT_JOURNAL_LIMIT) {
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`journalLimit must be an integer ≥ 0, got ${String(limit)}`);
    }
  }

  /** A new entry, recorded now and completed by the caller once the response is known. */
  open(request: MockRequest, path: string, requestId: string): JournalEntry {
    const entry: JournalEntry = {
      method: request.method,
      path,
      query: request.query.size === 0 ? {} : Object.fromEntries(request.query),
      body: null,
      status: 0,
      code: null,
      idempotencyKey: request.headers['idempotency-key'] ?? null,
      replayed: false,
      attempt: attemptOf(request.headers['vinr-retry-count']),
      requestId,
      at: nowIso(),
    };
    this.push(entry);
    return entry;
  }

  /**
   * A request the loopback server refused itself before any handler (413 body too large, 405 CONNECT/TRACE,
   * 404 no handler): recorded when it was meant for the API (its path has a `/v1` segment).
   */
  refused(
    req: {
      method?: string | undefined;
      url?: string | undefined;
      headers: Record<string, string | string[] | undefined>;
    },
    status: number,
    code: string,
    requestId: string,
  ): void {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://mock');
    } catch {
      return;
    }
    const path = apiPathOf(url.pathname);
    if (path === undefined || path.startsWith('/test_helpers/')) return;
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
    };
    this.push({
      method: (req.method ?? '').toUpperCase(),
      path,
      query: url.search === '' ? {} : Object.fromEntries(url.searchParams),
      body: null,
      status,
      code,
      idempotencyKey: header('idempotency-key'),
      replayed: false,
      attempt: attemptOf(header('vinr-retry-count')),
      requestId,
      at: nowIso(),
    });
  }

  push(entry: JournalEntry): void {
    this.#version++;
    if (this.limit === 0) return;
    this.#rows.push(entry);
    if (this.#rows.length >= this.limit * 2) this.#rows.splice(0, this.#rows.length - this.limit);
  }

  /** A copy of the kept entries, oldest first. */
  entries(): JournalEntry[] {
    const rows = this.#rows;
    return rows.length > this.limit ? rows.slice(rows.length - this.limit) : rows.slice();
  }

  /** Moves on every record and reset: lets the inspector tell whether anything changed. */
  get version(): number {
    return this.#version;
  }

  reset(): void {
    this.#rows = [];
    this.#version++;
  }
}

/** Fills in what the response says: status (0 for a dropped connection) and error code. */
export function complete(entry: JournalEntry, status: number, code: string | null): void {
  entry.status = status;
  entry.code = code;
}
