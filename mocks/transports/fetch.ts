import { getResponse, type RequestHandler } from 'msw';
import { defaultUnanswered, type Unanswered } from './no-route.js';

/**
 * A `fetch` that answers from the reference server's handlers in-process: no sockets and no interception of the
 * global `fetch`, so it runs wherever `Request`/`Response` exist (Node, Bun, Deno, workers). It fails the way a
 * real `fetch` does: an injected network error rejects with `TypeError('fetch failed')`, an abort with the
 * signal's reason, even while a fault delays the response.
 */
export function createMockFetch(
  getHandlers: () => readonly RequestHandler[],
  /** Answers (and journals) each request no handler answered. */
  unanswered: Unanswered = defaultUnanswered,
): typeof fetch {
  return (input, init) => {
    let request: Request;
    try {
      request = new Request(input, init);
    } catch (error) {
      return Promise.reject(error);
    }
    const { signal } = request;
    if (signal.aborted) return Promise.reject(signal.reason);
    const answer = serve(request, getHandlers, unanswered);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
}

async function serve(
  request: Request,
  getHandlers: () => readonly RequestHandler[],
  unanswered: Unanswered,
): Promise<Response> {
  const res = await getResponse([...getHandlers()], request);
  if (!res) return unanswered(request);
  if (res.type === 'error') {
    throw new TypeError('fetch failed', { cause: new Error('network error injected by the mock') });
  }
  return res;
}
