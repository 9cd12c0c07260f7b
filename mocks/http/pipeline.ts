import { complete } from '../ergonomics/journal.js';
import type { MockContext } from './context.js';
import type { MockRequest, MockResponse } from './exchange.js';
import type { ErrorBody } from './respond.js';
import { errorResult, fromThrown, outsideTheAPI } from './respond.js';
import type { Route } from './route.js';
import { apiPathOf, isMalformed, RouteTable } from './router.js';
import {
  type Answer,
  authenticate,
  type Exchange,
  engine,
  faultAnswer,
  faults,
  idempotency,
  journal,
  parse,
  replay,
  route,
  type Step,
  validate,
} from './steps.js';

/**
 * What happens to every request, in this order (each step in `steps.ts`): the first step that answers ends it,
 * then `respond` sends that answer.
 */
const STEPS: readonly Step[] = [
  authenticate, // 401 unless `Authorization: Bearer <secret key>`, whatever the path
  route, // 400 malformed path, 404 unknown path, 405 wrong method; else the route and its params
  journal, // recorded in `mock.requests` on arrival (test helpers excepted)
  idempotency, // the Idempotency-Key claimed: 409 while a duplicate is in flight
  faults, // an injected fault taken (delay, status, dropped connection)
  parse, // the body read as strict UTF-8 JSON
  replay, // a key already answered: the same answer again, or 409 for another request
  validate, // body and query parsed with the route's schemas into its typed input
  engine, // the route runs (cut off if the server was reset meanwhile); its answer recorded under its key
];

/** The reference server as one function from a neutral request to a neutral response. */
export interface Pipeline {
  /** Whether the request is for this server (an API path in one of its namespaces, or a malformed one). */
  owns(path: string): boolean;
  /** Answers a request it owns; synchronously when no step waits (no delay, no async route, no response check). */
  serve(req: MockRequest): MockResponse | Promise<MockResponse>;
  /** Answers any request: one it does not own gets the 404 of every way in, journaled. */
  answer(req: MockRequest): MockResponse | Promise<MockResponse>;
}

export function createPipeline(routes: readonly Route[], ctx: MockContext): Pipeline {
  const table = new RouteTable(routes);
  // Any malformed `/v1/` path is answered: msw's own matching of other handlers would throw on it.
  const ownsApiPath = (path: string | undefined, pathname: string): path is string =>
    path !== undefined && (table.owns(path) || isMalformed(pathname));
  const owns = (pathname: string) => ownsApiPath(apiPathOf(pathname), pathname);
  const serve = (req: MockRequest, path = apiPathOf(req.path) ?? req.path): MockResponse | Promise<MockResponse> => {
    const x: Exchange = {
      req,
      ctx,
      table,
      path,
      malformed: isMalformed(req.path),
      id: ctx.ids.requestId(),
      started: ctx.generation.current,
    };
    let answer: Answer | Promise<Answer>;
    try {
      answer = run(x, 0);
    } catch (e) {
      answer = fromThrown(e);
    }
    if (!(answer instanceof Promise)) return respond(x, answer);
    return answer.then(
      (a) => respond(x, a),
      (e: unknown) => respond(x, fromThrown(e)),
    );
  };
  return {
    owns,
    serve: (req) => serve(req),
    answer: (req) => {
      const path = apiPathOf(req.path);
      if (ownsApiPath(path, req.path)) return serve(req, path);
      const id = ctx.ids.requestId();
      const url = req.query.size === 0 ? req.path : `${req.path}?${req.query}`;
      ctx.journal.refused({ method: req.method, url, headers: req.headers }, 404, 'resource_missing', id);
      return toWire(outsideTheAPI(req.method, req.path), id);
    },
  };
}

/**
 * Runs the steps from `from` on, synchronously until one returns a promise (a fault's delay, an async route), then
 * on from there once it settles. Whatever ends the request, a key it claimed and did not record is freed.
 */
function run(x: Exchange, from: number): Answer | Promise<Answer> {
  let settled = false;
  try {
    for (let i = from; i < STEPS.length; i++) {
      const answer = (STEPS[i] as Step)(x);
      if (answer instanceof Promise) {
        settled = true; // the rest, release included, runs in the continuation
        return answer.then(
          (a) => (a === undefined ? run(x, i + 1) : finish(x, a)),
          (e: unknown) => finish(x, fromThrown(e)),
        );
      }
      if (answer !== undefined) return answer;
    }
    return errorResult('internal_error', 'The reference server answered nothing.');
  } finally {
    if (!settled) release(x);
  }
}

const finish = (x: Exchange, answer: Answer): Answer => {
  release(x);
  return answer;
};

/** Anything not recorded (refused before the engine, a 500, a cut-off request) frees the key for a retry. */
function release(x: Exchange): void {
  if (x.claim?.kind === 'new') x.ctx.idempotency.release(x.claim.ticket);
}

/** The answer as sent: an `afterCommit` fault loses it whatever it was, then the response check, then the journal. */
function respond(x: Exchange, answer: Answer): MockResponse | Promise<MockResponse> {
  // A refusal before the journal step (401, 404, 405) is recorded now: those steps are synchronous, so the
  // entry still lands in arrival order.
  if (!x.entry) journal(x);
  const sent = x.fault?.afterCommit ? faultAnswer(x.fault) : answer;
  const wire: MockResponse = sent === 'dropped' ? DROPPED : toWire(sent, x.id);
  const check = x.ctx.checkResponse;
  return check ? check(x.route, x.req.method, wire).then((checked) => record(x, checked)) : record(x, wire);
}

/** Completes the journal entry with what was sent. */
function record(x: Exchange, wire: MockResponse): MockResponse {
  if (x.entry) complete(x.entry, wire.dropped ? 0 : wire.status, wire.code);
  return wire;
}

const DROPPED: MockResponse = { status: 0, headers: {}, body: '', code: null, dropped: true };

/** A JSON result with the server's headers; the body serialised once, here. */
export function toWire(
  result: { status: number; body: unknown; headers?: Record<string, string> },
  id: string,
): MockResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'vinr-request-id': id };
  if (result.headers) Object.assign(headers, result.headers);
  const code = result.status >= 400 ? (result.body as Partial<ErrorBody> | null)?.error?.code : undefined;
  return {
    status: result.status,
    headers,
    body: JSON.stringify(result.body),
    code: typeof code === 'string' ? code : null,
  };
}
