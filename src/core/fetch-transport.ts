import type { TransportRequest, TransportResponse } from './transport.js';

/**
 * One attempt over a WHATWG `fetch`: Bun, Deno, workers, edge runtimes, or any `fetch` passed as an option.
 * The request loop above is shared with the undici transport, so retries, timeouts, aborts, idempotency keys,
 * error classes and logging are the same; only this hop differs. A connection failure rejects with the
 * runtime's own error (`TypeError: fetch failed` and the like), an abort with the abort reason.
 */
export async function sendFetch(req: TransportRequest, fetchFn: typeof fetch): Promise<TransportResponse> {
  // fetch needs a real signal; the attempt's cheap switch drives it.
  const controller = new AbortController();
  req.abort.onAbort((reason) => controller.abort(reason));
  try {
    const init: RequestInit = { method: req.method, headers: req.headers, signal: controller.signal };
    if (req.body !== undefined) init.body = req.body;
    const res = await fetchFn(req.url, init);
    const text = await res.text();
    return new FetchResponse(res.status, res.headers, text);
  } finally {
    req.abort.clear();
  }
}

/**
 * The response as the request loop reads it. Headers are copied into a record only when read (errors,
 * `Retry-After`): walking a `Headers` costs a few µs per request that a successful call never needs.
 */
class FetchResponse implements TransportResponse {
  #raw: Headers;
  #headers: Record<string, string> | undefined;

  constructor(
    readonly status: number,
    raw: Headers,
    readonly text: string,
  ) {
    this.#raw = raw;
  }

  /** Lower-case names, repeated headers joined with ", ": as the undici transport reports them. */
  get headers(): Record<string, string> {
    if (this.#headers === undefined) {
      const out: Record<string, string> = {};
      this.#raw.forEach((value, name) => {
        out[name] = value;
      });
      this.#headers = out;
    }
    return this.#headers;
  }
}

/**
 * The runtime's `fetch`, looked up at call time rather than captured: test tools that patch `globalThis.fetch`
 * (msw's `setupServer`) still see the requests, and workerd's `fetch` is never called with a foreign `this`.
 */
export const globalFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);
