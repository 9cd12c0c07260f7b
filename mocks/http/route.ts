import { HttpResponse } from 'msw';
import type { z } from 'zod';
import type { OperationName, PathParams } from '../../src/api/operations/index.js';
import { type SchemaName, schemas } from '../../src/schemas/index.js';
import type { ErrorCode } from '../engine/errors.js';
import { withIdSource } from '../engine/ids.js';
import type { JournalEntry } from '../ergonomics/journal.js';
import type { MockContext } from './context.js';
import type { Fault } from './faults.js';
import type { Claim } from './idempotency.js';
import { errorResult, fromThrown, invalidInput, type JsonResult, ok, toResponse } from './respond.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

type Schemas = typeof schemas;
/** What a schema name parses to; no schema: the raw JSON (test helpers parse their own bodies). */
type Parsed<N> = N extends SchemaName ? z.output<Schemas[N]> : unknown;

/** What a route's `handle` receives: input already validated with the route's schemas, never raw HTTP. */
export interface RouteInput<P extends string = string, B = unknown, Q = unknown> {
  params: PathParams<P>;
  body: Parsed<B>;
  query: Parsed<Q>;
}

/** A route as the router serves it (the typed form is {@link defineRoute}'s argument). */
export interface Route {
  method: Method;
  /** Path under the base URL, `:name` for parameters: `/engagement/offers/:id`. */
  path: string;
  /** Shared schema for the JSON body (POST/PATCH/DELETE). Without it, a non-empty body is refused (test helpers excepted). */
  body?: SchemaName | undefined;
  /** Shared schema for the query string. Without it, query parameters are ignored. */
  query?: SchemaName | undefined;
  /** The operation of the API this route serves (`offers.retrieve`); test helpers have none. */
  operation?: OperationName | undefined;
  /** Test helpers are exempt from injected faults and idempotency. */
  testHelper?: boolean;
  handle(input: RouteInput, ctx: MockContext): unknown;
}

/** A route whose `handle` gets its params from the path template and its body and query from the named schemas. */
export interface RouteSpec<P extends string, B extends SchemaName | undefined, Q extends SchemaName | undefined> {
  method: Method;
  path: P;
  body?: B;
  query?: Q;
  operation?: OperationName;
  testHelper?: boolean;
  handle(input: RouteInput<P, B, Q>, ctx: MockContext): unknown;
}

/**
 * Types a route's input from its path and schema names. The one cast is sound because the router builds the input
 * from those same names: params from the compiled template, body and query parsed with the named schemas.
 */
export const defineRoute = <
  P extends string,
  B extends SchemaName | undefined = undefined,
  Q extends SchemaName | undefined = undefined,
>(
  route: RouteSpec<P, B, Q>,
): Route => route as unknown as Route;

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

/** The code of an injected status, so the SDK maps it like the real refusal. */
const FAULT_CODES: Partial<Record<number, ErrorCode>> = {
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
    : errorResult('invalid_request', `Received the query parameter ${dup} more than once.`, { param: dup });
}

function faultResult(f: Fault): JsonResult {
  const status = f.status ?? 500;
  const code = FAULT_CODES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request');
  const result = errorResult(code, `Injected fault (HTTP ${status})`, {}, status);
  if (f.retryAfter !== undefined) result.headers = { 'retry-after': f.retryAfter };
  return result;
}

/** Like Stripe's "Received unknown parameter": names the first key sent to an endpoint that takes none. */
function noBodyExpected(data: unknown): JsonResult {
  const first = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data)[0] : undefined;
  const message = first
    ? `Received unknown parameter: ${first}. This endpoint takes no request body.`
    : 'This endpoint takes no request body.';
  return errorResult('invalid_request', message, first ? { param: first } : {});
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readBody(request: Request): Promise<JsonResult | { data: unknown; raw: string }> {
  let raw: string;
  try {
    // Strict: `request.text()` would turn invalid bytes into U+FFFD and store them as if they had been sent.
    raw = utf8.decode(await request.arrayBuffer());
  } catch {
    return errorResult('invalid_request', 'The request body is not valid UTF-8: send JSON encoded as UTF-8.');
  }
  if (raw.trim() === '') return { data: undefined, raw };
  try {
    return { data: JSON.parse(raw), raw };
  } catch {
    return errorResult('invalid_request', 'The request body is not valid JSON.');
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

const CUT_OFF =
  'The reference server was reset while this request was in flight (mock.reset() or mock.restore()); nothing was ' +
  'applied. Await every request of a test before resetting or restoring.';

/**
 * Serves one matched route: faults, idempotency, validation, then the route, then the error shape.
 * Every fault taken here is applied to this request: an `afterCommit` fault loses the response whatever the
 * outcome (a replay included), so `times` counts lost responses and nothing stays armed by mistake.
 */
export async function serveRoute(matched: Matched, ctx: MockContext): Promise<Response> {
  const { route, request, url, id } = matched;
  const started = ctx.generation.current;
  const key = route.method === 'GET' || route.testHelper ? null : request.headers.get('idempotency-key');
  if (key !== null && (key.trim() === '' || key.length > 255)) {
    const msg = 'The Idempotency-Key header must be 1 to 255 characters.';
    return toResponse(errorResult('invalid_request', msg, { param: 'Idempotency-Key' }), id);
  }
  const claim = key === null ? undefined : ctx.idempotency.claim(`${ctx.secretKey}\u0000${key}`);
  if (claim?.kind === 'in_use') {
    return toResponse(errorResult('idempotency_key_in_use', `A request with key ${key} is still in flight.`), id);
  }
  // Taken after the in-flight check, so a refused duplicate does not use up a fault meant for a real attempt.
  const fault = route.testHelper ? undefined : ctx.faults.take(route.method, apiPath(url));
  try {
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault && !fault.afterCommit && !latencyOnly(fault))
      return fault.networkError ? HttpResponse.error() : toResponse(faultResult(fault), id);
    const response = await answer(matched, ctx, claim, started);
    if (fault?.afterCommit) return fault.networkError ? HttpResponse.error() : toResponse(faultResult(fault), id);
    return response;
  } finally {
    // Anything not recorded (refused before the engine, a 500, a cut-off request) frees the key for a retry.
    if (claim?.kind === 'new') ctx.idempotency.release(claim.ticket);
  }
}

/** The real answer to a request: its replay, its refusal, or the route's result (recorded under its key). */
async function answer(
  { route, request, url, params, id, entry }: Matched,
  ctx: MockContext,
  claim: Claim | undefined,
  started: number,
): Promise<Response> {
  const body = route.method === 'GET' ? { data: undefined, raw: '' } : await readBody(request);
  if ('status' in body) return toResponse(body, id);
  if (entry && body.data !== undefined) entry.body = body.data;
  const fingerprint = `${route.method} ${url.pathname}\n${body.raw}`;
  if (claim?.kind === 'stored') {
    if (claim.entry.fingerprint !== fingerprint) {
      const key = request.headers.get('idempotency-key');
      const msg = `Keys are for one request only: ${key} was used with another method, path or body.`;
      return toResponse(errorResult('idempotency_key_reused', msg), id);
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
  // Checked in the same synchronous step as the engine call below: no reset can slip in between.
  if (!ctx.generation.isCurrent(started)) return toResponse(errorResult('invalid_state_transition', CUT_OFF), id);
  let result: JsonResult;
  try {
    const input = { params, body: b.data, query: q.data } as RouteInput;
    // A seeded mock makes the ids of its own requests (every way in comes through here).
    const out = withIdSource(ctx.ids.newId, () => route.handle(input, ctx));
    result = ok(out instanceof Promise ? await out : out);
  } catch (e) {
    result = fromThrown(e);
  }
  if (claim?.kind === 'new' && result.status < 500) ctx.idempotency.finish(claim.ticket, fingerprint, result);
  return toResponse(result, id);
}
