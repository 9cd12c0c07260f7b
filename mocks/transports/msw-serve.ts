import type { RequestHandler } from 'msw';
import type { MockRequest, MockResponse } from '../http/exchange.js';
import { toWire } from '../http/pipeline.js';
import { requestId, unrecognizedURL } from '../http/respond.js';

/** What a way in hands its requests to: the mock's pipeline, or {@link mswServe} over any msw handlers. */
export type Serve = (req: MockRequest) => MockResponse | Promise<MockResponse>;

/**
 * Serves arbitrary msw handlers through a way in (benchmarks, tests of a transport itself): the neutral request
 * becomes a Fetch `Request` for msw's `getResponse`, loaded on first use. A request no handler answers gets the
 * same JSON 404 as the mock's; a handler that throws rejects (the way in answers 500).
 */
export function mswServe(getHandlers: () => readonly RequestHandler[]): Serve {
  let msw: Promise<typeof import('msw')> | undefined;
  return async (req) => {
    msw ??= import('msw');
    const { getResponse } = await msw;
    const withBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body.length > 0;
    const search = req.query.size === 0 ? '' : `?${req.query}`;
    const request = new Request(`http://mock${req.path}${search}`, {
      method: req.method,
      headers: req.headers,
      body: withBody ? (req.body as Uint8Array<ArrayBuffer>) : null,
    });
    const res = await getResponse([...getHandlers()], request);
    if (!res) return toWire(unrecognizedURL(req.method, req.path), requestId());
    if (res.type === 'error') return { status: 0, headers: {}, body: '', code: null, dropped: true };
    const headers: Record<string, string | string[]> = {};
    res.headers.forEach((value, name) => {
      if (name !== 'set-cookie' && name !== 'content-length' && name !== 'transfer-encoding') headers[name] = value;
    });
    const cookies = res.headers.getSetCookie();
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    return { status: res.status, headers, body: await res.text(), code: null };
  };
}
