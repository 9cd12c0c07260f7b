import { requestId, toResponse, unrecognizedURL } from '../http/respond.js';

/** What an in-process way in answers when no handler claims a request: the same 404 as every other way in. */
export const noRouteResponse = (method: string, pathname: string): Response =>
  toResponse(unrecognizedURL(method, pathname), requestId());
