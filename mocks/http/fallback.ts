import { type HttpHandler, http, matchRequestUrl } from 'msw';
import type { MockContext } from './context.js';
import { errorResult, requestId, toResponse } from './respond.js';
import { apiPath, type Route } from './route.js';

/**
 * The API's own namespaces (`engagement`, `events`, `test_helpers`, …). The guard and the fallback claim only
 * paths under these: under `setupServer`, a `*\/v1/*` catch-all would otherwise answer every other API the
 * code under test calls with a `/v1/` in its URL. Anything else falls through (msw's `onUnhandledRequest`, or
 * the transports' own 404).
 */
function claimer(routes: readonly Route[]) {
  const namespaces = new Set(routes.map((r) => r.path.split('/')[1]).filter(Boolean));
  return (url: URL) => namespaces.has(apiPath(url).split('/')[1]);
}

/** The same auth check as every route, so an unauthenticated probe learns nothing about paths. */
function unauthorized(request: Request, ctx: MockContext, id: string): Response | undefined {
  if (request.headers.get('authorization') === `Bearer ${ctx.secretKey}`) return undefined;
  const msg = request.headers.has('authorization') ? 'Invalid API key provided.' : 'No API key provided.';
  return toResponse(errorResult(401, 'authentication_failed', msg), id);
}

const isMalformed = (pathname: string) => {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
};

/**
 * The first handler: msw decodes path parameters while matching, and a malformed escape (`/offers/%zz`)
 * makes every parameterised handler throw. This answers such paths with a 400 before any of them is tried.
 * It matches by RegExp, which msw does not decode.
 * @example
 * ```ts
 * const handlers = [createPathGuard(ctx), ...routeHandlers, createFallback(allRoutes, ctx)];
 * ```
 */
export function createPathGuard(ctx: MockContext): HttpHandler {
  return http.all(/\/v1\//, ({ request }) => {
    const url = new URL(request.url);
    // Not limited to the API's namespaces: any malformed path with `/v1/` would make the fallback throw.
    if (!url.pathname.includes('/v1/') || !isMalformed(url.pathname)) return undefined;
    const id = requestId();
    const message = `The request path is not valid percent-encoding: ${url.pathname}`;
    return unauthorized(request, ctx, id) ?? toResponse(errorResult(400, 'invalid_request', message), id);
  });
}

/**
 * The last handler: answers what no route matched inside the API's namespaces, so a wrong method is a 405
 * naming the allowed ones (with `Allow`) and an unknown path a 404 `resource_missing`, both in the error
 * shape of SPEC §3.2 and after the same auth check as every route.
 * @example
 * ```ts
 * const handlers = [...allRoutes.map((r) => toHandler(r, ctx)), createFallback(allRoutes, ctx)];
 * ```
 */
export function createFallback(routes: readonly Route[], ctx: MockContext): HttpHandler {
  const claims = claimer(routes);
  return http.all('*/v1/*', ({ request }) => {
    const url = new URL(request.url);
    if (!claims(url)) return undefined;
    const id = requestId();
    const denied = unauthorized(request, ctx, id);
    if (denied) return denied;
    const path = apiPath(url);
    const allowed = [
      ...new Set(routes.filter((r) => matchRequestUrl(url, `*/v1${r.path}`).matches).map((r) => r.method)),
    ];
    if (allowed.length === 0) {
      return toResponse(
        errorResult(404, 'resource_missing', `Unrecognized request URL (${request.method} ${path}).`),
        id,
      );
    }
    const msg = `${request.method} is not allowed on ${path}; use ${allowed.join(' or ')}.`;
    const result = errorResult(405, 'invalid_request', msg);
    result.headers = { allow: allowed.join(', ') };
    return toResponse(result, id);
  });
}
