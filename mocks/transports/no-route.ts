import { requestId } from '../http/respond.js';

/** What an in-process way in answers when no handler claims a request: the API's own 404 shape. */
export const noRouteResponse = (method: string, pathname: string): Response =>
  new Response(JSON.stringify({ error: { code: 'resource_missing', message: `No route for ${method} ${pathname}` } }), {
    status: 404,
    headers: { 'content-type': 'application/json', 'vinr-request-id': requestId() },
  });
