import { type APIError, makeAPIError } from './api-errors.js';
import type { WithResponse } from './api-promise.js';
import { diagnostics, type RequestEndMessage } from './diagnostics.js';
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, VinrError } from './errors.js';
import { connectionHint, notFoundHint } from './hints.js';
import { newIdempotencyKey } from './idempotency.js';
import { checkRequestOptions, type NormalizedOptions, type RequestOptions } from './options.js';
import { backoffDelay, isRetryableResponse, parseRetryAfter, retryClock } from './retries.js';
import { userAgent } from './runtime.js';
import { AttemptAbort, type Send, type TransportResponse } from './transport.js';
import { TransportRef } from './transport-ref.js';

/** The HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestSpec {
  method: HttpMethod;
  path: string;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
}

const USER_AGENT = userAgent();

const applyHeaders = (target: Record<string, string>, extra: Record<string, string | null> | undefined) => {
  if (!extra) return;
  for (const name in extra) {
    const v = extra[name];
    const key = name.toLowerCase();
    if (v === null || v === undefined) delete target[key];
    else target[key] = v;
  }
};

const queryString = (query: Record<string, unknown> | undefined): string => {
  if (!query) return '';
  const qs = new URLSearchParams();
  for (const key in query) {
    const v = query[key];
    if (v !== undefined && v !== null) qs.append(key, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
};

/** Outcome of one attempt: a value, or an error and whether another attempt may fix it. */
type Attempt =
  | { ok: true; value: WithResponse<unknown> }
  | { ok: false; error: VinrError; retry: boolean; retryAfter?: number };

/**
 * The request loop: headers, idempotency key, per-attempt timeout, retries with back-off, error mapping.
 * Secrets live in `#` fields so that neither `inspect` nor `JSON.stringify` can reach them.
 */
export class ApiClient {
  readonly #baseHeaders: Record<string, string>;
  readonly #opts: NormalizedOptions;
  transport: TransportRef;

  constructor(opts: NormalizedOptions) {
    this.#opts = opts;
    this.transport = new TransportRef({ dispatcher: opts.dispatcher, fetch: opts.fetch });
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': USER_AGENT,
      authorization: `Bearer ${opts.secretKey}`,
    };
    applyHeaders(headers, opts.defaultHeaders);
    this.#baseHeaders = headers;
  }

  /** Used by `withOptions()`: copies share one connection pool. */
  shareTransport(other: ApiClient): void {
    this.transport = other.transport;
  }

  get baseURL(): string {
    return this.#opts.baseURL;
  }

  /** The result only (see {@link requestWithResponse}). */
  async request<T>(spec: RequestSpec, options?: RequestOptions): Promise<T> {
    return (await this.requestWithResponse<T>(spec, options)).data;
  }

  /** Sends `spec` with retries; resolves to the parsed result and the response it came in. */
  async requestWithResponse<T>(spec: RequestSpec, options?: RequestOptions): Promise<WithResponse<T>> {
    checkRequestOptions(options);
    const opts = this.#opts;
    const maxRetries = options?.maxRetries ?? opts.maxRetries;
    const timeout = options?.timeout ?? opts.timeout;
    const signal = options?.signal;
    const url = opts.baseURL + spec.path + queryString(spec.query);
    const headers = { ...this.#baseHeaders };
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (spec.method !== 'GET') headers['idempotency-key'] = options?.idempotencyKey ?? newIdempotencyKey();
    applyHeaders(headers, options?.headers);
    const pending = this.transport.get();
    // No `await` on the hot path once the transport exists: every microtask tick shows up at high request rates.
    const send = pending instanceof Promise ? await pending : pending;

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new APIUserAbortError(undefined, { cause: signal.reason });
      if (attempt > 1) headers['vinr-retry-count'] = String(attempt - 1);
      const dc = diagnostics();
      const traced = dc !== null && (dc.start.hasSubscribers || dc.end.hasSubscribers);
      if (traced && dc.start.hasSubscribers) dc.start.publish({ method: spec.method, path: spec.path, attempt });
      const started = opts.log.debugEnabled || traced ? performance.now() : 0;
      const result = await this.#attempt(spec.method, url, headers, body, timeout, signal, send);
      if (opts.log.debugEnabled) this.#logAttempt(spec, result, attempt, started);
      if (traced && dc.end.hasSubscribers) dc.end.publish(endMessage(spec, result, attempt, started));
      if (result.ok) return result.value as WithResponse<T>;
      const { error } = result;
      (error as unknown as { attempts: number }).attempts = attempt;
      if (!result.retry || attempt > maxRetries) throw error;
      const delay = result.retryAfter ?? backoffDelay(attempt - 1, retryClock.random);
      opts.log.log('info', `vinr: retrying ${spec.method} ${spec.path} in ${Math.round(delay)} ms (${error.name})`);
      await retryClock.sleep(delay, signal);
    }
  }

  async #attempt(
    method: HttpMethod,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeout: number,
    signal: AbortSignal | undefined,
    send: Send,
  ): Promise<Attempt> {
    // Not an AbortController: with its listeners it costs as much CPU as the SDK's own code (docs/performance.md).
    const abort = new AttemptAbort();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort(new Error(`timed out after ${timeout} ms`));
    }, timeout);
    const onAbort = signal ? () => abort.abort(signal.reason) : undefined;
    if (onAbort) signal?.addEventListener('abort', onAbort, { once: true });
    let res: TransportResponse;
    try {
      res = await send({ method, url, headers, body, abort });
    } catch (cause) {
      if (signal?.aborted) return { ok: false, error: new APIUserAbortError(undefined, { cause }), retry: false };
      if (timedOut) {
        return {
          ok: false,
          error: new APIConnectionTimeoutError(`Request timed out after ${timeout} ms.`),
          retry: true,
        };
      }
      const detail = cause instanceof Error ? `: ${cause.message}.` : '.';
      const message = `Connection error${detail}${connectionHint(cause, this.#opts.baseURL)}`;
      return { ok: false, error: new APIConnectionError(message, { cause }), retry: true };
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
    return res.status >= 200 && res.status < 300
      ? parseSuccess(res, res.text)
      : parseFailure(res, res.text, this.#opts.baseURL);
  }

  #logAttempt(spec: RequestSpec, result: Attempt, attempt: number, started: number) {
    const ms = Math.round(performance.now() - started);
    const error = result.ok ? undefined : result.error;
    const status = error && 'status' in error ? (error as APIError).status : error ? error.name : 200;
    const requestId = error && 'requestId' in error ? ` request_id=${(error as APIError).requestId}` : '';
    this.#opts.log.log('debug', `vinr: ${spec.method} ${spec.path} ${status} attempt=${attempt}${requestId} ${ms}ms`);
  }
}

function endMessage(spec: RequestSpec, result: Attempt, attempt: number, started: number): RequestEndMessage {
  const ms = performance.now() - started;
  const base = { method: spec.method, path: spec.path, attempt, ms };
  if (result.ok) return { ...base, status: result.value.response.status, requestId: result.value.response.requestId };
  const e = result.error as Partial<APIError>;
  return { ...base, status: typeof e.status === 'number' ? e.status : 0, requestId: e.requestId ?? null };
}

function parseSuccess(res: TransportResponse, text: string): Attempt {
  try {
    const data: unknown = text === '' ? {} : JSON.parse(text);
    const response = { status: res.status, headers: res.headers, requestId: res.headers['vinr-request-id'] ?? null };
    return { ok: true, value: { data, response } };
  } catch (cause) {
    const id = res.headers['vinr-request-id'];
    return {
      ok: false,
      error: new VinrError(`Invalid JSON in response (request ${id ?? 'unknown'}).`, { cause }),
      retry: false,
    };
  }
}

function parseFailure(res: TransportResponse, text: string, baseURL: string): Attempt {
  let payload: { error?: { code?: unknown; message?: unknown; param?: unknown; details?: unknown } } | undefined;
  try {
    payload = JSON.parse(text);
  } catch {
    payload = undefined;
  }
  const e = payload?.error ?? {};
  const code = typeof e.code === 'string' ? e.code : undefined;
  const error = makeAPIError({
    status: res.status,
    code,
    message: (typeof e.message === 'string' ? e.message : `HTTP ${res.status}`) + notFoundHint(res.status, baseURL),
    param: typeof e.param === 'string' ? e.param : undefined,
    details: e.details && typeof e.details === 'object' ? (e.details as Record<string, unknown>) : undefined,
    requestId: res.headers['vinr-request-id'],
    headers: res.headers,
    attempts: 1,
  });
  const retry = isRetryableResponse(res.status, code);
  const retryAfter = retry ? parseRetryAfter(res.headers['retry-after']) : undefined;
  return retryAfter === undefined ? { ok: false, error, retry } : { ok: false, error, retry, retryAfter };
}
