import { fromFetch, toFetch } from '../http/exchange.js';
import type { Serve } from './msw-serve.js';

/**
 * A `fetch` that answers from the reference server in-process: no sockets and no interception of the global
 * `fetch`, so it runs wherever `Request`/`Response` exist (Node, Bun, Deno, workers). It fails the way a real
 * `fetch` does: an injected network error rejects with `TypeError('fetch failed')`, an abort with the signal's
 * reason, even while a fault delays the response.
 */
export function createMockFetch(serve: Serve): typeof fetch {
  return (input, init) => {
    let request: Request;
    try {
      request = new Request(input, init);
    } catch (error) {
      return Promise.reject(error);
    }
    const { signal } = request;
    if (signal.aborted) return Promise.reject(signal.reason);
    const answer = fromFetch(request)
      .then((req) => serve(req))
      .then((res) => {
        if (res.dropped) {
          throw new TypeError('fetch failed', { cause: new Error('network error injected by the mock') });
        }
        return toFetch(res);
      });
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
}
