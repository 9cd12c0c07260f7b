import { createRequire } from 'node:module';
import type { RequestHandler } from 'msw';
import type { Dispatcher } from 'undici';
import { emptyBody, headersFromPairs, type MockRequest, type MockResponse, splitTarget } from '../http/exchange.js';
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

function toRequest(opts: Dispatcher.DispatchOptions): MockRequest | Promise<MockRequest> {
  const method = opts.method.toUpperCase();
  const { path, query } = splitTarget(opts.path);
  const headers = toHeaders(opts.headers);
  const raw = opts.body;
  if (method === 'GET' || method === 'HEAD' || raw === null || raw === undefined) {
    return { method, path, query, headers, body: emptyBody };
  }
  if (typeof raw === 'string') return { method, path, query, headers, body: Buffer.from(raw) };
  if (raw instanceof Uint8Array) return { method, path, query, headers, body: raw };
  return toBody(raw).then((body) => ({ method, path, query, headers, body }));
}

const DROPPED = 'other side closed (network error injected by the mock)';

/** What undici's `SocketError` looks like, for the dispatcher that does not load undici. */
class DroppedConnection extends Error {
  override name = 'SocketError';
  readonly code = 'UND_ERR_SOCKET';
}
class Aborted extends Error {
  override name = 'AbortError';
  readonly code = 'UND_ERR_ABORTED';
}

interface Failures {
  dropped(): Error;
  aborted(): Error;
}

/** Answers one dispatch through `serve`, speaking undici's handler API (`onRequestStart` … `onResponseEnd`). */
function dispatchTo(serve: Serve, failures: Failures): Dispatcher['dispatch'] {
  return (opts, handler) => {
    let done = false;
    const fail = (err: Error) => {
      if (done) return;
      done = true;
      handler.onResponseError?.(controller, err);
    };
    const controller: Controller = {
      abort: (reason: Error) => fail(reason ?? failures.aborted()),
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
    const deliver = (res: MockResponse) => {
      if (done) return;
      if (res.dropped) return fail(failures.dropped());
      handler.onResponseStart?.(controller, res.status, res.headers, '');
      if (done) return;
      if (res.body.length > 0) handler.onResponseData?.(controller, Buffer.from(res.body));
      if (done) return;
      done = true;
      handler.onResponseEnd?.(controller, {});
    };
    const failWith = (err: unknown) => fail(err instanceof Error ? err : new Error(String(err)));
    handler.onRequestStart?.(controller, {});
    // Answered on a later tick, as from a socket: the caller has returned from `dispatch` before any callback.
    queueMicrotask(() => {
      try {
        const req = toRequest(opts);
        const res = req instanceof Promise ? req.then(serve) : serve(req);
        if (res instanceof Promise) res.then(deliver).catch(failWith);
        else deliver(res);
      } catch (err) {
        failWith(err);
      }
    });
    return true;
  };
}

/**
 * The dispatcher `mock.client()` uses: just `dispatch`, which is all the SDK's transport calls, so it needs no
 * undici at all (loading undici costs ~100 ms per test file). A dropped answer fails like undici's `SocketError`.
 */
export function createClientDispatcher(serve: Serve): Dispatcher {
  const dispatch = dispatchTo(serve, {
    dropped: () => new DroppedConnection(DROPPED),
    aborted: () => new Aborted('Request aborted'),
  });
  return { dispatch } as unknown as Dispatcher;
}

/**
 * An undici Dispatcher (`mock.dispatcher`) that hands every request to `serve` in process, without sockets or
 * Fetch objects: the dispatch options become the neutral request, and the answer goes straight to undici's
 * handler. msw's `setupServer` cannot see undici's own requests; this can. A dropped answer (an injected network
 * error) reaches the caller as undici's `SocketError`, like a dropped connection. undici loads on first use.
 */
export function createDispatcher(serve: Serve): Dispatcher {
  const { Agent, errors } = createRequire(import.meta.url)('undici') as typeof import('undici');
  const dispatch = dispatchTo(serve, {
    dropped: () => new errors.SocketError(DROPPED),
    aborted: () => new errors.RequestAbortedError(),
  });
  // The Agent never opens a socket: the interceptor answers before it is reached.
  return new Agent().compose(() => dispatch);
}

/** {@link createDispatcher} over arbitrary msw handlers. */
export const createMswDispatcher = (getHandlers: () => readonly RequestHandler[]): Dispatcher =>
  createDispatcher(mswServe(getHandlers));
