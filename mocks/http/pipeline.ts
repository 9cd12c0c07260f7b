import { complete } from '../ergonomics/journal.js';
import type { MockContext } from './context.js';
import type { MockRequest, MockResponse } from './exchange.js';
import type { ErrorBody } from './respond.js';
import { errorResult, fromThrown, unrecognizedURL } from './respond.js';
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
  /** Answers a request it owns. */
  serve(req: MockRequest): Promise<MockResponse>;
  /** Answers any request: one it does not own gets the 404 of every way in, journaled. */
  answer(req: MockRequest): Promise<MockResponse>;
}

export function createPipeline(routes: readonly Route[], ctx: MockContext): Pipeline {
  const table = new RouteTable(routes);
  const owns = (pathname: string) => {
    const path = apiPathOf(pathname);
    // Any malformed `/v1/` path is answered: msw's own matching of other handlers would throw on it.
    return path !== undefined && (table.owns(path) || isMalformed(pathname));
  };
  const serve = (req: MockRequest): Promise<MockResponse> => {
    const path = apiPathOf(req.path) ?? req.path;
    const x: Exchange = {
      req,
      ctx,
      table,
      path,
      malformed: isMalformed(req.path),
      id: ctx.ids.requestId(),
      started: ctx.generation.current,
    };
    return run(x).then(
      (answer) => respond(x, answer),
      (e: unknown) => respond(x, fromThrown(e)),
    );
  };
  return {
    owns,
    serve,
    answer: (req) => {
      if (owns(req.path)) return serve(req);
      const id = ctx.ids.requestId();
      const url = req.query.size === 0 ? req.path : `${req.path}?${req.query}`;
      ctx.journal.refused({ method: req.method, url, headers: req.headers }, 404, 'resource_missing', id);
      return Promise.resolve(toWire(unrecognizedURL(req.method, req.path), id));
    },
  };
}

async function run(x: Exchange): Promise<Answer> {
  try {
    for (const step of STEPS) {
      const answer = step(x);
      const settled = answer instanceof Promise ? await answer : answer;
      if (settled !== undefined) return settled;
    }
    return errorResult('internal_error', 'The reference server answered nothing.');
  } finally {
    // Anything not recorded (refused before the engine, a 500, a cut-off request) frees the key for a retry.
    if (x.claim?.kind === 'new') x.ctx.idempotency.release(x.claim.ticket);
  }
}

/** The answer as sent: an `afterCommit` fault loses it whatever it was, then the response check, then the journal. */
async function respond(x: Exchange, answer: Answer): Promise<MockResponse> {
  const sent = x.fault?.afterCommit ? faultAnswer(x.fault) : answer;
  let wire: MockResponse = sent === 'dropped' ? DROPPED : toWire(sent, x.id);
  const check = x.ctx.checkResponse;
  if (check) wire = await check(x.route, x.req.method, wire);
  const { journal } = x.ctx;
  // A refusal before the journal step (401, 404, 405) is recorded now: those steps are synchronous, so the
  // entry still lands in arrival order.
  if (!x.entry && journal.limit !== 0 && !x.path.startsWith('/test_helpers/'))
    x.entry = journal.open(x.req, x.path, x.id);
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
