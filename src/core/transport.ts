import type { Dispatcher } from 'undici';

/**
 * What the request loop hands to the network, and gets back. A small seam, as in upstash's `pkg/http.ts`.
 *
 * Why not `undici.request()`: it wraps every response in a `Readable` stream, an `AsyncResource` and, with a
 * timeout, an `AbortController` whose listeners cost about as much CPU as all of the SDK's own code (see
 * docs/performance.md). SDK responses are small JSON documents that are read whole anyway, so this module talks to
 * the dispatcher directly with a handler that buffers the body, and aborts through the dispatcher's own controller.
 * Connection problems still surface as undici's own errors, and any undici `Dispatcher` still works.
 * This module imports nothing from undici at run time (types only): an injected dispatcher works in any build.
 */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Aborts this attempt (timeout or the caller's signal). */
  abort: AttemptAbort;
}

/** One attempt over some transport: undici's dispatcher here, `fetch` in `fetch-transport.ts`. */
export type Send = (req: TransportRequest) => Promise<TransportResponse>;

export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  /** The whole body, decoded as UTF-8. */
  text: string;
}

/**
 * A single-use abort switch for one attempt: the cheap stand-in for an `AbortController` on the hot path.
 * The reason may be anything (a caller's `AbortSignal` reason is passed through as the error's cause).
 */
export class AttemptAbort {
  #aborted = false;
  #reason: unknown;
  #listener: ((reason: unknown) => void) | undefined;

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    const listener = this.#listener;
    this.#listener = undefined;
    listener?.(reason);
  }

  /** Registers the one listener (the transport's); called at once when already aborted. */
  onAbort(listener: (reason: unknown) => void): void {
    if (this.#aborted) listener(this.#reason);
    else this.#listener = listener;
  }

  clear(): void {
    this.#listener = undefined;
  }
}

type RawHeaders = Record<string, string | string[] | undefined>;
type Controller = Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestStart']>>[0];

const flatten = (raw: RawHeaders): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const key in raw) {
    const v = raw[key];
    if (v !== undefined) out[key] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
};

/** `[name, value, name, value…]` (Buffers or strings) as the legacy handler API delivers them. */
const parseRawHeaders = (raw: readonly (Buffer | string)[] | null): RawHeaders => {
  const out: Record<string, string[]> = {};
  if (!raw) return out;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toString().toLowerCase();
    const value = raw[i + 1]!.toString();
    const seen = out[name];
    if (seen) seen.push(value);
    else out[name] = [value];
  }
  return out;
};

/** UTF-8 decoding as `fetch`'s `text()` does it: a leading byte order mark is dropped. */
const decode = (chunks: Buffer[]): string => {
  const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  return buf.toString('utf8', bom ? 3 : 0);
};

/**
 * Collects one response. Speaks undici's current handler API and, for dispatchers that still call the legacy
 * one directly (e.g. a `MockPool` passed as `dispatcher`), its `onConnect`/`onHeaders`/… methods too.
 */
class BufferingHandler implements Dispatcher.DispatchHandler {
  #status = 0;
  #headers: RawHeaders = {};
  readonly #chunks: Buffer[] = [];
  #settled = false;
  #abortFn: ((reason: unknown) => void) | undefined;

  constructor(
    readonly abortSwitch: AttemptAbort,
    readonly resolve: (res: TransportResponse) => void,
    readonly reject: (error: unknown) => void,
  ) {
    abortSwitch.onAbort((reason) => {
      this.#fail(reason);
      this.#abortFn?.(reason);
    });
  }

  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.abortSwitch.clear();
    this.reject(error);
  }

  #start(abort: (reason: unknown) => void): void {
    this.#abortFn = abort;
    if (this.abortSwitch.aborted) abort(this.abortSwitch.reason);
  }

  onRequestStart(controller: Controller): void {
    this.#start((reason) => controller.abort(reason as Error));
  }

  onResponseStart(_c: Controller, statusCode: number, headers: RawHeaders): void {
    this.#status = statusCode;
    this.#headers = headers;
  }

  onResponseData(_c: Controller, chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.abortSwitch.clear();
    this.resolve({ status: this.#status, headers: flatten(this.#headers), text: decode(this.#chunks) });
  }

  onResponseError(_c: Controller, error: Error): void {
    this.#fail(error);
  }

  // The legacy API, for dispatchers that call it without undici's adapter.
  onConnect(abort: (err?: Error) => void): void {
    this.#start((reason) => abort(reason as Error));
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200) return true;
    this.onResponseStart(undefined as unknown as Controller, statusCode, parseRawHeaders(rawHeaders));
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    this.onResponseEnd();
  }

  onError(error: Error): void {
    this.#fail(error);
  }
}

/**
 * Sends one attempt and resolves once the whole body has arrived. Rejects with undici's error on connection
 * problems, or with the abort reason as soon as `req.abort` fires.
 */
export function send(req: TransportRequest, dispatcher: Dispatcher): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const handler = new BufferingHandler(req.abort, resolve, reject);
    if (req.abort.aborted) return;
    try {
      const url = new URL(req.url);
      dispatcher.dispatch(
        {
          origin: url.origin,
          path: url.pathname + url.search,
          method: req.method as Dispatcher.HttpMethod,
          headers: req.headers,
          body: req.body ?? null,
        },
        handler,
      );
    } catch (error) {
      handler.onError(error as Error);
    }
  });
}
