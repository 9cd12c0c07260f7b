import type { Dispatcher } from 'undici';
import { assertNotBrowser } from './browser-guard.js';
import { VinrError } from './errors.js';
import { isLogLevel, LevelLogger, type Logger, type LogLevel } from './logger.js';

export const DEFAULT_BASE_URL = 'https://api.vinr.com/v1';

/** Options of `new Vinr(options)`. Every one has a default (docs/getting-started.md lists them). */
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
  logLevel: LogLevel;
  logger: Logger;
  log: LevelLogger;
}

const env = (name: string): string | undefined => {
  const v = typeof process === 'undefined' ? undefined : process.env?.[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

const checkCount = (name: string, v: number, min: number) => {
  if (!Number.isFinite(v) || v < min || !Number.isInteger(v)) {
    throw new VinrError(`Invalid ${name}: expected an integer ≥ ${min}, got ${String(v)}.`);
  }
  return v;
};

export function normalizeOptions(options: ClientOptions = {}): NormalizedOptions {
  assertNotBrowser(options.dangerouslyAllowBrowser);
  const secretKey = options.secretKey ?? env('VINR_SECRET_KEY');
  if (!secretKey) {
    throw new VinrError(
      'Missing secret key: pass `new Vinr({ secretKey })` or set the VINR_SECRET_KEY environment variable.',
    );
  }
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
  const logger = options.logger ?? console;
  return {
    secretKey,
    baseURL,
    webhookSecret: options.webhookSecret ?? env('VINR_WEBHOOK_SECRET'),
    timeout: checkCount('timeout', options.timeout ?? 30_000, 1),
    maxRetries: checkCount('maxRetries', options.maxRetries ?? 2, 0),
    dispatcher: options.dispatcher,
    fetch: options.fetch,
    defaultHeaders: { ...options.defaultHeaders },
    logLevel,
    logger,
    log: new LevelLogger(logger, logLevel),
  };
}
