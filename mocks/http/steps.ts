import { type SchemaName, schemas } from '../../src/schemas/index.js';
import type { ErrorCode } from '../engine/errors.js';
import { withIdSource } from '../engine/ids.js';
import type { JournalEntry } from '../ergonomics/journal.js';
import type { MockContext } from './context.js';
import type { MockRequest } from './exchange.js';
import type { Fault } from './faults.js';
import type { Claim } from './idempotency.js';
import { errorResult, fromThrown, invalidInput, type JsonResult, ok, unrecognizedURL } from './respond.js';
import type { Route, RouteInput } from './route.js';
import type { RouteTable } from './router.js';

/**
 * One request on its way through the pipeline: what each step found out, for the steps after it. A step returns
 * the answer that ends the request (a refusal, a replay, the engine's result), or `undefined` to go on.
 */
export interface Exchange {
  readonly req: MockRequest;
  readonly ctx: MockContext;
  readonly table: RouteTable;
  /** The path after the base URL. */
  readonly path: string;
  readonly malformed: boolean;
  readonly id: string;
  /** The reset generation the request started in. */
  readonly started: number;
  route?: Route;
  params?: Record<string, string>;
  entry?: JournalEntry | undefined;
  key?: string | null;
  claim?: Claim | undefined;
  fault?: Fault | undefined;
  /** The parsed JSON body (`undefined` for none) and its text, for the idempotency fingerprint. */
  data?: unknown;
  raw?: string;
  input?: RouteInput;
}

export type Answer = JsonResult | 'dropped';
export type Step = (x: Exchange) => Answer | undefined | Promise<Answer | undefined>;

/** The same auth check for every path, so an unauthenticated probe learns nothing about which paths exist. */
export function authenticate({ req, ctx }: Exchange): Answer | undefined {
  const auth = req.headers.authorization;
  if (auth === `Bearer ${ctx.secretKey}`) return undefined;
  return errorResult(
    'authentication_failed',
    auth === undefined ? 'No API key provided.' : 'Invalid API key provided.',
  );
}

/** A malformed percent-encoding is a 400, an unknown path a 404, a wrong method a 405 naming the allowed ones. */
export function route(x: Exchange): Answer | undefined {
  const { req, path } = x;
  if (x.malformed) return errorResult('invalid_request', `The request path is not valid percent-encoding: ${req.path}`);
  const m = x.table.match(req.method, path);
  if ('route' in m) {
    x.route = m.route;
    x.params = m.params;
    return undefined;
  }
  if (m.allowed.length === 0) return unrecognizedURL(req.method, path);
  const message = `${req.method} is not allowed on ${path}; use ${m.allowed.join(' or ')}.`;
  const result = errorResult('invalid_request', message, {}, 405);
  result.headers = { allow: m.allowed.join(', ') };
  return result;
}

/**
 * Records the request in `mock.requests` on arrival. Test helpers are the test's own controls, not the app's
 * traffic: like WireMock's admin API, they are not journaled.
 */
export function journal(x: Exchange): undefined {
  const { journal } = x.ctx;
  if (journal.limit !== 0 && !x.path.startsWith('/test_helpers/')) x.entry = journal.open(x.req, x.path, x.id);
  return undefined;
}

/** Claims the Idempotency-Key of a write: a duplicate still in flight is refused, a finished one replayed later. */
export function idempotency(x: Exchange): Answer | undefined {
  const { route, req, ctx } = x;
  const key = route?.method === 'GET' || route?.testHelper ? undefined : req.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (key.trim() === '' || key.length > 255) {
    const msg = 'The Idempotency-Key header must be 1 to 255 characters.';
    return errorResult('invalid_request', msg, { param: 'Idempotency-Key' });
  }
  x.key = key;
  x.claim = ctx.idempotency.claim(`${ctx.secretKey}\u0000${key}`);
  if (x.claim.kind === 'in_use') {
    return errorResult('idempotency_key_in_use', `A request with key ${key} is still in flight.`);
  }
  return undefined;
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

export function faultAnswer(f: Fault): Answer {
  if (f.networkError) return 'dropped';
  const status = f.status ?? 500;
  const code = FAULT_CODES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request');
  const result = errorResult(code, `Injected fault (HTTP ${status})`, {}, status);
  if (f.retryAfter !== undefined) result.headers = { 'retry-after': f.retryAfter };
  return result;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the first armed fault matching the request (after the in-flight check, so a refused duplicate does not
 * use it up). A fault taken is always applied: an `afterCommit` one when the answer is sent, whatever it is.
 */
export function faults(x: Exchange): Answer | undefined | Promise<Answer | undefined> {
  if (x.route?.testHelper) return undefined;
  const fault = x.ctx.faults.take(x.req.method, x.path);
  if (!fault) return undefined;
  x.fault = fault;
  const now = fault.afterCommit || latencyOnly(fault) ? undefined : faultAnswer(fault);
  return fault.delayMs > 0 ? sleep(fault.delayMs).then(() => now) : now;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the body as strict UTF-8 JSON: invalid bytes are refused, never stored as U+FFFD. */
export function parse(x: Exchange): Answer | undefined {
  if (x.route?.method === 'GET' || x.req.body.length === 0) {
    x.raw = '';
    return undefined;
  }
  let raw: string;
  try {
    raw = utf8.decode(x.req.body);
  } catch {
    return errorResult('invalid_request', 'The request body is not valid UTF-8: send JSON encoded as UTF-8.');
  }
  x.raw = raw;
  if (raw.trim() === '') return undefined;
  try {
    x.data = JSON.parse(raw);
  } catch {
    return errorResult('invalid_request', 'The request body is not valid JSON.');
  }
  if (x.entry) x.entry.body = x.data;
  return undefined;
}

const fingerprint = (x: Exchange) => `${x.req.method} ${x.req.path}\n${x.raw ?? ''}`;

/** A key already answered: the recorded answer again, or a refusal when the key came with another request. */
export function replay(x: Exchange): Answer | undefined {
  if (x.claim?.kind !== 'stored') return undefined;
  const { entry } = x.claim;
  if (entry.fingerprint !== fingerprint(x)) {
    const msg = `Keys are for one request only: ${x.key} was used with another method, path or body.`;
    return errorResult('idempotency_key_reused', msg);
  }
  if (x.entry) x.entry.replayed = true;
  return { ...entry.result, headers: { ...entry.result.headers, 'idempotent-replayed': 'true' } };
}

function validated(
  name: SchemaName | undefined,
  input: unknown,
  what: 'body' | 'query',
): JsonResult | { data: unknown } {
  if (!name) return { data: input };
  const r = schemas[name].safeParse(input);
  return r.success ? { data: r.data } : fromThrown(invalidInput(r.error, what));
}

/** Like Stripe's "Received unknown parameter": names the first key sent to an endpoint that takes none. */
function noBodyExpected(data: unknown): JsonResult {
  const first = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data)[0] : undefined;
  const message = first
    ? `Received unknown parameter: ${first}. This endpoint takes no request body.`
    : 'This endpoint takes no request body.';
  return errorResult('invalid_request', message, first ? { param: first } : {});
}

/** Repeated query parameters are refused rather than silently resolved to one of their values. */
function repeatedParam(params: URLSearchParams): JsonResult | undefined {
  const keys = [...params.keys()];
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  return dup === undefined
    ? undefined
    : errorResult('invalid_request', `Received the query parameter ${dup} more than once.`, { param: dup });
}

/** Builds the route's typed input: body and query parsed with its schemas, params from its template. */
export function validate(x: Exchange): Answer | undefined {
  const route = x.route as Route;
  // No body is `{}`; a JSON `null` is a body, refused by the schema like any non-object.
  const b = validated(route.body, x.data === undefined && route.body ? {} : x.data, 'body');
  if ('status' in b) return b;
  if (!route.body && !route.testHelper && x.data !== undefined) return noBodyExpected(x.data);
  let query: unknown;
  if (route.query) {
    const repeated = repeatedParam(x.req.query);
    if (repeated) return repeated;
    const q = validated(route.query, Object.fromEntries(x.req.query), 'query');
    if ('status' in q) return q;
    query = q.data;
  }
  x.input = { params: x.params ?? {}, body: b.data, query } as RouteInput;
  return undefined;
}

const CUT_OFF =
  'The reference server was reset while this request was in flight (mock.reset() or mock.restore()); nothing was ' +
  'applied. Await every request of a test before resetting or restoring.';

const record = (x: Exchange, result: JsonResult): JsonResult => {
  if (x.claim?.kind === 'new' && result.status < 500) x.ctx.idempotency.finish(x.claim.ticket, fingerprint(x), result);
  return result;
};

/** Runs the route, its ids from the mock's (seedable) source, and records the answer under its key. */
export function engine(x: Exchange): Answer | Promise<Answer> {
  const { ctx } = x;
  // Checked in the same synchronous step as the engine call: no reset can slip in between.
  if (!ctx.generation.isCurrent(x.started)) return errorResult('invalid_state_transition', CUT_OFF);
  const route = x.route as Route;
  let out: unknown;
  try {
    out = withIdSource(ctx.ids.newId, () => route.handle(x.input as RouteInput, ctx));
  } catch (e) {
    return record(x, fromThrown(e));
  }
  if (!(out instanceof Promise)) return record(x, ok(out));
  return out.then(
    (v) => record(x, ok(v)),
    (e) => record(x, fromThrown(e)),
  );
}
