import { getResponse, type RequestHandler } from 'msw';
import { Agent, type Dispatcher, errors } from 'undici';
import { defaultUnanswered, type Unanswered } from './no-route.js';

type Handler = Dispatcher.DispatchHandler;
type Controller = Parameters<NonNullable<Handler['onRequestStart']>>[0];

function toHeaders(raw: Dispatcher.DispatchOptions['headers']): Headers {
  const h = new Headers();
  if (!raw) return h;
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) h.append(String(raw[i]), String(raw[i + 1]));
  } else if (Symbol.iterator in raw) {
    for (const [k, v] of raw as Iterable<[string, string | string[]]>) h.append(k, Array.isArray(v) ? v.join(', ') : v);
  } else {
    for (const [k, v] of Object.entries(raw as Record<string, string | string[] | undefined>)) {
      if (v !== undefined) h.append(k, Array.isArray(v) ? v.join(', ') : v);
    }
  }
  return h;
}

async function toBody(body: Dispatcher.DispatchOptions['body']): Promise<Uint8Array | string | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

function responseHeaders(res: Response): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  res.headers.forEach((value, key) => {
    out[key] = value;
  });
  const cookies = res.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  return out;
}

/**
 * An undici Dispatcher that answers every request with msw's `getResponse(handlers, request)`, in
 * process and without sockets. msw's `setupServer` cannot see undici's own requests; this can.
 * `HttpResponse.error()` reaches the caller as undici's `SocketError`, like a dropped connection.
 */
export function createMswDispatcher(
  getHandlers: () => readonly RequestHandler[],
  /** Answers (and journals) each request no handler answered. */
  unanswered: Unanswered = defaultUnanswered,
): Dispatcher {
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
    (async () => {
      const url = new URL(opts.path, opts.origin as string);
      const method = opts.method.toUpperCase();
      const body = method === 'GET' || method === 'HEAD' ? undefined : await toBody(opts.body);
      const request = new Request(url, {
        method,
        headers: toHeaders(opts.headers),
        body: (body ?? null) as BodyInit | null,
      });
      const res = await getResponse([...getHandlers()], request);
      if (done) return;
      if (!res) return deliver(unanswered(request));
      if (res.type === 'error')
        return fail(new errors.SocketError('other side closed (network error injected by the mock)'));
      return deliver(res);
    })().catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));

    async function deliver(res: Response) {
      const payload = Buffer.from(await res.arrayBuffer());
      if (done) return;
      handler.onResponseStart?.(controller, res.status, responseHeaders(res), res.statusText);
      if (done) return;
      if (payload.length > 0) handler.onResponseData?.(controller, payload);
      if (done) return;
      done = true;
      handler.onResponseEnd?.(controller, {});
    }
    return true;
  };
  // The Agent never opens a socket: the interceptor answers before it is reached.
  return new Agent().compose(interceptor);
}
