import { requestId, toResponse, unrecognizedURL } from '../http/respond.js';

/**
 * What an in-process way in (dispatcher, `mock.fetch`) answers when no handler claims a request. A mock passes
 * its own, which also journals the request and draws the request id from the mock's (seedable) generator.
 */
export type Unanswered = (request: Request) => Response;

/** The same 404 as every other way in. */
export const noRouteResponse = (method: string, pathname: string, id: string = requestId()): Response =>
  toResponse(unrecognizedURL(method, pathname), id);

/** The answer of a transport made without a mock's journal (benchmarks, tests of the transport itself). */
export const defaultUnanswered: Unanswered = (request) =>
  noRouteResponse(request.method, new URL(request.url).pathname);
