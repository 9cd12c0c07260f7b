import type { Dispatcher } from 'undici';
import { assertNotBrowser } from './browser-guard.js';
import { VinrError } from './errors.js';
import { isLogLevel, LevelLogger, type Logger, type LogLevel } from './logger.js';

export const DEFAULT_BASE_URL = 'https://api.vinr.com/v1';

/** Options of `new Vinr(options)`. Every one has a default. */
export interface ClientOptions {
  /** Secret API key, sent as `Authorization: Bearer …`. Defaults to `process.env.VINR_SECRET_KEY`. */
  secretKey?: string | undefined;
  /** Defaults to `process.env.VINR_BASE_URL`, else `https://api.vinr.com/v1`. */
  baseURL?: string | undefined;
  /** Signing secret used by `vinr.webhooks.verify`. Defaults to `process.env.VINR_WEBHOOK_SECRET`. */
  webhookSecret?: string | undefined;
  /** Per-attempt timeout in ms. Default 30 000. */
  timeout?: number | undefined;
  /** Retries after the first attempt. Default 2; 0 means exactly one attempt. */
  maxRetries?: number | undefined;
  /** Any undici Dispatcher (pool, proxy, the mock's in-process dispatcher). Default: a keep-alive Agent owned by the client. */
  dispatcher?: Dispatcher | undefined;
  /** Merged into every request; a `null` value removes a header. */
  defaultHeaders?: Record<string, string | null> | undefined;
  /** Defaults to `process.env.VINR_LOG`, else `'warn'`. */
  logLevel?: LogLevel | undefined;
  /** Defaults to `console`. */
  logger?: Logger | undefined;
  /**
   * Send requests with this `fetch` instead of undici (e.g. an instrumented fetch, or `mock.fetch` in tests).
   * Default: undici on Node, the global `fetch` on Bun, Deno, workers and edge runtimes.
   */
  fetch?: typeof fetch | undefined;
  /**
   * Allow the client where `window` and `document` exist. A secret key in a browser is visible to every visitor:
   * only for DOM-emulating test environments (jsdom, happy-dom) or if you accept that risk. Default `false`.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** Per-call options, the last argument of every resource method. */
export interface RequestOptions {
  /** Overrides the generated `Idempotency-Key` (reused on every retry either way). */
  idempotencyKey?: string | undefined;
  /** Per-attempt timeout in ms for this call (overrides the client's). */
  timeout?: number | undefined;
  /** Retries for this call (overrides the client's); `0` means exactly one attempt. */
  maxRetries?: number | undefined;
  /** Aborts the call, including the wait before a retry (rejects with `APIUserAbortError`). */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call; a `null` value removes a header. */
  headers?: Record<string, string | null> | undefined;
}

/** Options after defaults and checks: nothing below this point sees `undefined`. */
export interface NormalizedOptions {
  secretKey: string;
  baseURL: string;
  webhookSecret: string | undefined;
  timeout: number;
  maxRetries: number;
  dispatcher: Dispatcher | undefined;
  fetch: typeof fetch | undefined;
  defaultHeaders: Record<string, string | null>;
  log: LevelLogger;
}

const env = (name: string): string | undefined => {
  const v = typeof process === 'undefined' ? undefined : process.env?.[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

// Header values cannot hold them: a key with a pasted newline would fail every request as a connection error.
function unsendable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return true;
  }
  return /\s/.test(s);
}

const MAX_RETRIES_LIMIT = 10;

const checkTimeout = (v: unknown): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new VinrError(`Invalid timeout: expected a positive finite number of milliseconds, got ${String(v)}.`);
  }
  return v;
};

// `NaN` would retry forever (`attempt > NaN` is never true), hence the check on every path in.
const checkMaxRetries = (v: unknown): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_RETRIES_LIMIT) {
    throw new VinrError(`Invalid maxRetries: expected an integer from 0 to ${MAX_RETRIES_LIMIT}, got ${String(v)}.`);
  }
  return v;
};

/**
 * Checks the per-call options that steer the request loop, with the client options' rules. Throws
 * `VinrError` (the caller turns it into a rejection before anything is sent).
 */
export function checkRequestOptions(options: RequestOptions | undefined): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null) {
    throw new VinrError(`Invalid request options: expected an object, got ${describeValue(options)}.`);
  }
  if (options.timeout !== undefined) checkTimeout(options.timeout);
  if (options.maxRetries !== undefined) checkMaxRetries(options.maxRetries);
  const { signal, headers } = options;
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || !('aborted' in signal))) {
    throw new VinrError(`Invalid signal: expected an AbortSignal, got ${describeValue(signal)}.`);
  }
  if (headers !== undefined) checkHeaders(headers);
  const key = options.idempotencyKey;
  if (key !== undefined && (typeof key !== 'string' || key === '' || unsendable(key))) {
    throw new VinrError(
      'Invalid idempotencyKey: expected a non-empty string without whitespace or control characters.',
    );
  }
}

// A CR or LF in a value would be refused by the transport, as a connection error that is then retried.
function checkHeaders(headers: unknown): void {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new VinrError(`Invalid headers: expected an object of header values, got ${describeValue(headers)}.`);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) {
      throw new VinrError(
        `Invalid header ${JSON.stringify(name)}: expected a string without line breaks (or null to remove it).`,
      );
    }
  }
}

/** "undefined", "null", "a number", "an object": for messages that say what was received. */
export function describeValue(v: unknown): string {
  if (v === undefined || v === null) return String(v);
  if (Array.isArray(v)) return 'an array';
  const type = typeof v;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function checkSecretKey(key: unknown): string {
  if (typeof key !== 'string') {
    throw new VinrError(`Invalid secretKey: expected a string, got ${describeValue(key)}.`);
  }
  if (key.trim() === '') {
    throw new VinrError(
      'Invalid secretKey: it is empty or only whitespace. Pass `new Vinr({ secretKey })` or set VINR_SECRET_KEY.',
    );
  }
  if (unsendable(key)) {
    // Never echo the key itself, not even a part of it.
    throw new VinrError(
      'Invalid secretKey: it contains whitespace or control characters (often a trailing newline pasted from a ' +
        'file or a secret manager). Trim it.',
    );
  }
  return key;
}

export function normalizeOptions(options: ClientOptions = {}): NormalizedOptions {
  assertNotBrowser(options.dangerouslyAllowBrowser);
  const given = options.secretKey ?? env('VINR_SECRET_KEY');
  if (given === undefined) {
    throw new VinrError(
      'Missing secret key: pass `new Vinr({ secretKey })` or set the VINR_SECRET_KEY environment variable.',
    );
  }
  const secretKey = checkSecretKey(given);
  const rawBase = options.baseURL ?? env('VINR_BASE_URL') ?? DEFAULT_BASE_URL;
  let baseURL: string;
  try {
    const u = new URL(rawBase);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    baseURL = u.href.replace(/\/+$/, '');
  } catch {
    throw new VinrError(`Invalid baseURL ${JSON.stringify(rawBase)}: expected an http(s) URL.`);
  }
  const envLevel = env('VINR_LOG');
  const logLevel = options.logLevel ?? (isLogLevel(envLevel) ? envLevel : 'warn');
  if (!isLogLevel(logLevel)) throw new VinrError(`Invalid logLevel ${JSON.stringify(logLevel)}.`);
  return {
    secretKey,
    baseURL,
    webhookSecret: options.webhookSecret ?? env('VINR_WEBHOOK_SECRET'),
    timeout: checkTimeout(options.timeout ?? 30_000),
    maxRetries: checkMaxRetries(options.maxRetries ?? 2),
    dispatcher: options.dispatcher,
    fetch: options.fetch,
    defaultHeaders: { ...options.defaultHeaders },
    log: new LevelLogger(options.logger ?? console, logLevel),
  };
}
