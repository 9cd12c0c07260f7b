import type { Dispatcher } from 'undici';

/** What the request loop hands to the network, and gets back. A small seam, as in upstash's `pkg/http.ts`. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
  dispatcher: Dispatcher;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  text(): Promise<string>;
}

type Undici = typeof import('undici');
let undici: Undici | undefined;
let loading: Promise<Undici> | undefined;

/** undici is loaded on the first request, not at `require` time (it costs ~100 ms to load). */
export const loadUndici = (): Promise<Undici> => (loading ??= import('undici').then((m) => (undici = m)));

const flatten = (raw: Record<string, string | string[] | undefined>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const key in raw) {
    const v = raw[key];
    if (v !== undefined) out[key] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
};

/** Sends one attempt with undici's `request`; connection problems surface as undici's own errors. */
export async function send(req: TransportRequest): Promise<TransportResponse> {
  const u = undici ?? (await loadUndici());
  const res = await u.request(req.url, {
    method: req.method as Dispatcher.HttpMethod,
    headers: req.headers,
    body: req.body ?? null,
    signal: req.signal,
    dispatcher: req.dispatcher,
  });
  return { status: res.statusCode, headers: flatten(res.headers), text: () => res.body.text() };
}

/** The client-owned keep-alive Agent, made on first use and shared by `withOptions()` copies. */
export class DispatcherRef {
  #owned: Dispatcher | undefined;
  constructor(private readonly injected: Dispatcher | undefined) {}
  get(): Dispatcher | Promise<Dispatcher> {
    if (this.injected) return this.injected;
    if (this.#owned) return this.#owned;
    const make = (u: Undici) => (this.#owned ??= new u.Agent({ keepAliveTimeout: 30_000, connections: 64 }));
    return undici ? make(undici) : loadUndici().then(make);
  }
  /** Closes the owned Agent (an injected dispatcher belongs to the caller and is left open). */
  async close(): Promise<void> {
    await this.#owned?.close();
    this.#owned = undefined;
  }
}
