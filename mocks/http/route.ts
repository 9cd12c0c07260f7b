import { HttpResponse } from 'msw';
import { type SchemaName, schemas } from '../../src/schemas/index.js';
import { withIdSource } from '../engine/ids.js';
import type { JournalEntry } from '../ergonomics/journal.js';
import type { MockContext } from './context.js';
import type { Fault } from './faults.js';
import { errorResult, fromThrown, invalidInput, type JsonResult, ok, toResponse } from './respond.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What a route's `handle` receives: validated input, never raw HTTP. */
export interface RouteInput<B = unknown, Q = unknown> {
  params: Record<string, string>;
  body: B;
  query: Q;
}

export interface Route {
  method: Method;
  /** Path under the base URL, msw syntax: `/engagement/offers/:id`. */
  path: string;
  /** Shared schema for the JSON body (POST/PATCH/DELETE). Without it, a non-empty body is refused (test helpers excepted). */
  body?: SchemaName;
  /** Shared schema for the query string. Without it, query parameters are ignored. */
  query?: SchemaName;
  /** Test helpers are exempt from injected faults and idempotency. */
  testHelper?: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: each route narrows its own input.
  handle(input: RouteInput<any, any>, ctx: MockContext): unknown;
}

/** Helper so a route file gets its input typed from its schemas. */
export const defineRoute = (route: Route): Route => route;

const PATH_AFTER_BASE = /^.*?\/v1(?=\/|$)/;
/** The path after the base URL, e.g. `/engagement/offers/ofr_1/activations`. */
export const apiPath = (url: URL): string => url.pathname.replace(PATH_AFTER_BASE, '');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function validated(
  name: SchemaName | undefined,
  input: unknown,
  what: 'body' | 'query',
): JsonResult | { data: unknown } {
  if (!name) return { data: input };
  const r = schemas[name].safeParse(input);
  return r.success ? { data: r.data } : fromThrown(invalidInput(r.error, what));
}

/** The error code the API uses for an injected status, so the SDK maps it like the real refusal. */
const FAULT_CODES: Record<number, string> = {
  401: 'authentication_failed',
  404: 'resource_missing',
  429: 'rate_limited',
};

/** A fault that only sets `delayMs` is latency (e.g. to trip a client timeout): the request then runs normally. */
const latencyOnly = (f: Fault): boolean =>
  f.delayMs > 0 && f.status === undefined && f.retryAfter === undefined && !f.networkError;

/** Repeated query parameters are refused rather than silently resolved to one of their values. */
function repeatedParam(params: URLSearchParams): JsonResult | undefined {
  const keys = [...params.keys()];
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  return dup === undefined
    ? undefined
    : errorResult(400, 'invalid_request', `Received the query parameter ${dup} more than once.`, { param: dup });
}

function faultResult(f: Fault): JsonResult {
  const status = f.status ?? 500;
  const code = FAULT_CODES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request');
  const result = errorResult(status, code, `Injected fault (HTTP ${status})`);
  if (f.retryAfter !== undefined) result.headers = { 'retry-after': f.retryAfter };
  return result;
}

/** Like Stripe's "Received unknown parameter": names the first key sent to an endpoint that takes none. */
function noBodyExpected(data: unknown): JsonResult {
  const first = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data)[0] : undefined;
  const message = first
    ? `Received unknown parameter: ${first}. This endpoint takes no request body.`
    : 'This endpoint takes no request body.';
  return errorResult(400, 'invalid_request', message, first ? { param: first } : {});
}

async function readBody(request: Request): Promise<JsonResult | { data: unknown; raw: string }> {
  const raw = await request.text();
  if (raw.trim() === '') return { data: undefined, raw };
  try {
    return { data: JSON.parse(raw), raw };
  } catch {
    return errorResult(400, 'invalid_request', 'The request body is not valid JSON.');
  }
}

/** What the router hands to {@link serveRoute} for a request it matched (after the auth check). */
export interface Matched {
  route: Route;
  request: Request;
  url: URL;
  params: Record<string, string>;
  id: string;
  /** The request's journal entry, if it is journaled: gets the parsed body. */
  entry?: JournalEntry | undefined;
}

/** Serves one matched route: faults, idempotency, validation, then the route, then the error shape. */
export async function serveRoute(
  { route, request, url, params, id, entry }: Matched,
  ctx: MockContext,
): Promise<Response> {
  const key = route.method === 'GET' || route.testHelper ? null : request.headers.get('idempotency-key');
  if (key !== null && (key.trim() === '' || key.length > 255)) {
    const msg = 'The Idempotency-Key header must be 1 to 255 characters.';
    return toResponse(errorResult(400, 'invalid_request', msg, { param: 'Idempotency-Key' }), id);
  }
  const scope = key === null ? undefined : `${ctx.secretKey}\u0000${key}`;
  const claim = scope === undefined ? undefined : ctx.idempotency.claim(scope);
  if (claim?.kind === 'in_use') {
    return toResponse(errorResult(409, 'idempotency_key_in_use', `A request with key ${key} is still in flight.`), id);
  }
  const fresh = claim?.kind === 'new' ? scope : undefined;
  // Taken after the in-flight check, so a refused duplicate does not use up a fault meant for a real attempt.
  const fault = route.testHelper ? undefined : ctx.faults.take(route.method, apiPath(url));
  try {
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault && !fault.afterCommit && !latencyOnly(fault))
      return fault.networkError ? HttpResponse.error() : toResponse(faultResult(fault), id);
    const body = route.method === 'GET' ? { data: undefined, raw: '' } : await readBody(request);
    if ('status' in body) return toResponse(body, id);
    if (entry && body.data !== undefined) entry.body = body.data;
    const fingerprint = `${route.method} ${url.pathname}\n${body.raw}`;
    if (claim?.kind === 'stored') {
      if (claim.entry.fingerprint !== fingerprint) {
        const msg = `Keys are for one request only: ${key} was used with another method, path or body.`;
        return toResponse(errorResult(409, 'idempotency_key_reused', msg), id);
      }
      const replay = toResponse(claim.entry.result, id);
      replay.headers.set('idempotent-replayed', 'true');
      if (entry) entry.replayed = true;
      return replay;
    }
    const query = Object.fromEntries(url.searchParams);
    // No body is `{}`; a JSON `null` is a body, refused by the schema like any non-object.
    const b = validated(route.body, body.data === undefined && route.body ? {} : body.data, 'body');
    if ('status' in b) return toResponse(b, id);
    if (!route.body && !route.testHelper && body.data !== undefined) {
      return toResponse(noBodyExpected(body.data), id);
    }
    const repeated = route.query ? repeatedParam(url.searchParams) : undefined;
    if (repeated) return toResponse(repeated, id);
    const q = validated(route.query, route.query ? query : undefined, 'query');
    if ('status' in q) return toResponse(q, id);
    let result: JsonResult;
    try {
      const input = { params, body: b.data, query: q.data };
      result = ok(await withIdSource(ctx.ids.newId, () => route.handle(input, ctx)));
    } catch (e) {
      result = fromThrown(e);
    }
    if (fresh !== undefined && result.status < 500) ctx.idempotency.finish(fresh, fingerprint, result);
    if (fault?.afterCommit) return fault.networkError ? HttpResponse.error() : toResponse(faultResult(fault), id);
    return toResponse(result, id);
  } finally {
    // Anything not recorded above (refused before the engine, or a 500) frees the key for a retry.
    if (fresh !== undefined) ctx.idempotency.release(fresh);
  }
}
