/**
 * The transport-neutral request and response of the reference server. Every way in (the in-process dispatcher,
 * `mock.fetch`, the loopback server, the msw handler) builds a {@link MockRequest} from what it received and
 * writes the {@link MockResponse} back in its own terms: the pipeline never sees a Fetch object or a socket.
 */

/** A request as the pipeline reads it. */
export interface MockRequest {
  /** Upper case: `GET`, `POST`, … */
  method: string;
  /** The raw (still percent-encoded) path, base included: `/v1/engagement/offers/ofr_1`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names; a repeated header is joined with `, ` (as Fetch `Headers.get` does). */
  headers: Readonly<Record<string, string>>;
  /** The body as sent; empty for none. */
  body: Uint8Array;
}

/** A response as the pipeline answers: written back by the way in it came from. */
export interface MockResponse {
  status: number;
  /** Lower-case names; `set-cookie` may repeat (a list). */
  headers: Record<string, string | string[]>;
  /** The JSON text of the body. */
  body: string;
  /** The error code of a refusal, for the journal (no need to parse the body back), else `null`. */
  code: string | null;
  /** An injected network error: nothing is sent, the connection drops. */
  dropped?: true;
}

const EMPTY = new Uint8Array(0);
/** Characters a path may hold as sent that the URL parser would leave as they are (no dot segments). */
const PLAIN_PATH = /^\/[\w\-~%!$&'()*+,;=:@/.]*$/;

/**
 * Splits a request target (`/v1/x?a=1`) into path and query, reading the path as the URL parser would: a target
 * with dot segments, spaces or non-ASCII goes through `URL` (so `..` resolves and bytes are percent-encoded), the
 * common plain one does not.
 */
export function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  if (PLAIN_PATH.test(rawPath) && !rawPath.includes('/.') && !target.includes('#')) {
    return { path: rawPath, query: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
  }
  const url = new URL(target, 'http://mock');
  return { path: url.pathname, query: url.searchParams };
}

/** Header pairs (`[name, value, name, value, …]`, as `node:http`'s `rawHeaders` and undici give them). */
export function headersFromPairs(pairs: readonly unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const name = String(pairs[i]).toLowerCase();
    const value = String(pairs[i + 1]);
    const had = out[name];
    out[name] = had === undefined ? value : `${had}, ${value}`;
  }
  return out;
}

/** A Fetch `Request` as the pipeline reads it (the msw handler and `mock.fetch`). */
export async function fromFetch(request: Request): Promise<MockRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const method = request.method.toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? EMPTY : new Uint8Array(await request.arrayBuffer());
  return { method, path: url.pathname, query: url.searchParams, headers, body };
}

/** The pipeline's answer as a Fetch `Response` (an injected network error is `Response.error()`). */
export function toFetch(answer: MockResponse): Response {
  if (answer.dropped) return Response.error();
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return new Response(answer.body, { status: answer.status, headers });
}

export const emptyBody = EMPTY;
