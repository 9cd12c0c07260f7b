import type { RequestHandler } from 'msw';
import { Agent, type Dispatcher, errors } from 'undici';
import { emptyBody, headersFromPairs, type MockRequest, splitTarget } from '../http/exchange.js';
import { mswServe, type Serve } from './msw-serve.js';

type Handler = Dispatcher.DispatchHandler;
type Controller = Parameters<NonNullable<Handler['onRequestStart']>>[0];

function toHeaders(raw: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  if (!raw) return {};
  if (Array.isArray(raw)) return headersFromPairs(raw);
  const pairs: string[] = [];
  const entries =
    Symbol.iterator in raw
      ? (raw as Iterable<[string, string | string[]]>)
      : Object.entries(raw as Record<string, string | string[] | undefined>);
  for (const [k, v] of entries) {
    if (v !== undefined) pairs.push(k, Array.isArray(v) ? v.join(', ') : v);
  }
  return headersFromPairs(pairs);
}

async function toBody(body: Dispatcher.DispatchOptions['body']): Promise<Uint8Array> {
  if (body === null || body === undefined) return emptyBody;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

async function toRequest(opts: Dispatcher.DispatchOptions): Promise<MockRequest> {
  const method = opts.method.toUpperCase();
  const { path, query } = splitTarget(opts.path);
  const body = method === 'GET' || method === 'HEAD' ? emptyBody : await toBody(opts.body);
  return { method, path, query, headers: toHeaders(opts.headers), body };
}

/**
 * An undici Dispatcher that hands every request to `serve` in process, without sockets or Fetch objects: the
 * dispatch options become the neutral request, and the answer goes straight to undici's handler. msw's
 * `setupServer` cannot see undici's own requests; this can. A dropped answer (an injected network error) reaches
 * the caller as undici's `SocketError`, like a dropped connection.
 */
export function createDispatcher(serve: Serve): Dispatcher {
  const interceptor: Dispatcher.DispatcherComposeInterceptor = () => (opts, handler) => {
    let done = false;
    const fail = (err: Error) => {
      if (done) return;
      done = true;
      handler.onResponseError?.(controller, err);
    };
    const controller: Controller = {
      abort: (reason: Error) => fail(reason ?? new errors.RequestAbortedError()),
      pause() {},
      resume() {},
      get paused() {
        return false;
      },
      get aborted() {
        return done;
      },
      reason: null,
    } as unknown as Controller;
    handler.onRequestStart?.(controller, {});
    toRequest(opts)
      .then(serve)
      .then((res) => {
        if (done) return;
        if (res.dropped) return fail(new errors.SocketError('other side closed (network error injected by the mock)'));
        handler.onResponseStart?.(controller, res.status, res.headers, '');
        if (done) return;
        if (res.body.length > 0) handler.onResponseData?.(controller, Buffer.from(res.body));
        if (done) return;
        done = true;
        handler.onResponseEnd?.(controller, {});
      })
      .catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));
    return true;
  };
  // The Agent never opens a socket: the interceptor answers before it is reached.
  return new Agent().compose(interceptor);
}

/** {@link createDispatcher} over arbitrary msw handlers. */
export const createMswDispatcher = (getHandlers: () => readonly RequestHandler[]): Dispatcher =>
  createDispatcher(mswServe(getHandlers));
