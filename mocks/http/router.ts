import { type HttpHandler, http } from 'msw';
import { complete, type JournalEntry } from '../ergonomics/journal.js';
import type { MockContext } from './context.js';
import { errorCodeOf, errorResult, toResponse, unrecognizedURL } from './respond.js';
import { apiPath, type Route, serveRoute } from './route.js';

interface Compiled {
  route: Route;
  pattern: RegExp;
  keys: string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/engagement/offers/:id` → a RegExp over the raw (still percent-encoded) path, and its parameter names. */
function compile(route: Route): Compiled {
  const keys: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return escapeRegExp(segment);
      keys.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), keys };
}

const isMalformed = (pathname: string) => {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
};

/** The same auth check for every path, so an unauthenticated probe learns nothing about which paths exist. */
function unauthorized(request: Request, ctx: MockContext, id: string): Response | undefined {
  if (request.headers.get('authorization') === `Bearer ${ctx.secretKey}`) return undefined;
  const msg = request.headers.has('authorization') ? 'Invalid API key provided.' : 'No API key provided.';
  return toResponse(errorResult('authentication_failed', msg), id);
}

/**
 * The reference server as ONE msw handler. msw tries handlers one by one, parsing each one's path pattern
 * (and the request's cookies) per request; with ~35 routes that was two thirds of an in-process request's
 * cost. This matches the route table itself with patterns compiled once, then serves the route.
 *
 * It claims only the API's own namespaces (`engagement`, `events`, `test_helpers`, …): under `setupServer`
 * anything else with a `/v1/` in its URL falls through to the user's handlers or `onUnhandledRequest`.
 * Inside them: a malformed percent-encoding is a 400, a wrong method a 405 naming the allowed ones (with
 * `Allow`), an unknown path a 404 `resource_missing` — each after the same auth check as every route.
 */
export function createRouter(routes: readonly Route[], ctx: MockContext): HttpHandler {
  const table = routes.map(compile);
  const namespaces = new Set(routes.map((r) => r.path.split('/')[1]).filter(Boolean));
  const serve = (
    request: Request,
    url: URL,
    path: string,
    malformed: boolean,
    id: string,
    entry: JournalEntry | undefined,
  ): { response: Response | Promise<Response>; route?: Route } => {
    const denied = unauthorized(request, ctx, id);
    if (denied) return { response: denied };
    if (malformed) {
      const message = `The request path is not valid percent-encoding: ${url.pathname}`;
      return { response: toResponse(errorResult('invalid_request', message), id) };
    }
    const allowed: string[] = [];
    for (const { route, pattern, keys } of table) {
      const m = pattern.exec(path);
      if (!m) continue;
      if (route.method !== request.method) {
        if (!allowed.includes(route.method)) allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      keys.forEach((key, i) => {
        params[key] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { response: serveRoute({ route, request, url, params, id, entry }, ctx), route };
    }
    if (allowed.length === 0) {
      return { response: toResponse(unrecognizedURL(request.method, path), id) };
    }
    const message = `${request.method} is not allowed on ${path}; use ${allowed.join(' or ')}.`;
    const result = errorResult('invalid_request', message, {}, 405);
    result.headers = { allow: allowed.join(', ') };
    return { response: toResponse(result, id) };
  };
  const check = ctx.checkResponse;
  return http.all(/\/v1(\/|$)/, ({ request }) => {
    const url = new URL(request.url);
    const path = apiPath(url);
    if (path === url.pathname) return undefined; // no `/v1` segment at all
    const malformed = isMalformed(url.pathname);
    // Any malformed `/v1/` path is answered: msw's own matching of other handlers would throw on it.
    if (!malformed && !namespaces.has(path.split('/')[1])) return undefined;
    const id = ctx.ids.requestId();
    // Test helpers are the test's own controls, not the app's traffic: like WireMock's admin API, not journaled.
    const journaled = ctx.journal.limit !== 0 && !path.startsWith('/test_helpers/');
    const entry = journaled ? ctx.journal.open(request, path, url, id) : undefined;
    const served = serve(request, url, path, malformed, id, entry);
    const response = check
      ? Promise.resolve(served.response).then((r) => check(served.route, request.method, r))
      : served.response;
    if (!entry) return response;
    if (!(response instanceof Promise)) return record(entry, response);
    return response.then((r) => record(entry, r));
  });
}

/** Completes a journal entry with what was sent. */
function record(entry: JournalEntry, response: Response): Response {
  complete(entry, response, errorCodeOf(response));
  return response;
}
