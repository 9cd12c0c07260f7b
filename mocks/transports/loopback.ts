import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RequestHandler } from 'msw';
import type { MockRequest, MockResponse } from '../http/exchange.js';
import { type ErrorBody, errorResult, fromThrown, type JsonResult, requestId } from '../http/respond.js';
import { mswServe, type Serve } from './msw-serve.js';
import {
  endRaw,
  FORBIDDEN_METHODS,
  MAX_BODY_BYTES,
  readBody,
  TooLarge,
  toRequest,
  writePlain,
  writeResponse,
} from './node-http.js';

export { MAX_BODY_BYTES } from './node-http.js';

/** Options of `mock.listen()`. */
export interface ListenOptions {
  /** TCP port; `0` (the default) picks any free one. */
  port?: number;
  /** Interface to bind (default `127.0.0.1`: the mock is never reachable from other machines by accident). */
  host?: string;
}

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://HOST:PORT`. */
  readonly url: string;
  /** `url + '/v1'`: what to hand to `new Vinr({ baseURL })` or `VINR_BASE_URL`. */
  readonly baseURL: string;
  /**
   * Stops accepting, ends idle keep-alive sockets, lets in-flight requests finish, then resolves. Within 2 s in
   * every case: after 1.5 s (`CLOSE_GRACE_MS`), sockets still open (a client stalled mid-body, a request held by an
   * injected delay) are destroyed.
   * @example
   * ```ts
   * const server = await mock.listen();
   * afterAll(() => server.close());
   * ```
   */
  close(): Promise<void>;
}

/** What a mock adds to its loopback server: a journal of refusals made here, and the inspector page. */
export interface LoopbackHooks {
  /** Called for each request this server refuses itself, before any handler (413, 405, 400, 404). */
  refused?(req: IncomingMessage, status: number, code: string, requestId: string): void;
  /**
   * Which world serves this request, from its `Authorization` header (a server shared by tenants, one world per
   * key); a `JsonResult` refuses the request before any world sees it. Without it, every request is served by
   * `serve` and these hooks.
   */
  world?(authorization: string | undefined): LoopbackWorld | JsonResult;
  /** Serves requests outside the API (the inspector page); returns false for a path it does not own. */
  serve?(req: IncomingMessage, res: ServerResponse): boolean;
  /** Makes request ids for refusals (a seeded mock's own generator). */
  requestId?(): string;
  /** Called by `close()`: ends long-lived responses (live streams) at once. */
  close?(): void;
}

/** One world behind a loopback server: what answers its requests, and where its own refusals go. */
export interface LoopbackWorld {
  serve: Serve;
  refused: NonNullable<LoopbackHooks['refused']>;
  requestId(): string;
}

/**
 * How long `close()` lets requests being served finish before it destroys their sockets. The CLI relies on it
 * too (it exits once `close()` resolves): one bound for both, under the promised 2 s.
 */
export const CLOSE_GRACE_MS = 1_500;

/**
 * Serves arbitrary msw handlers over real HTTP (see {@link serveHttp}): unknown routes get a JSON 404, a handler
 * that throws a JSON 500, and `HttpResponse.error()` a destroyed socket (what a dropped connection looks like).
 */
export const listen = (
  getHandlers: () => readonly RequestHandler[],
  options: ListenOptions = {},
  hooks: LoopbackHooks = {},
): Promise<LoopbackServer> => serveHttp(mswServe(getHandlers), options, hooks);

/**
 * Serves over real HTTP on `node:http`: each request is read into the neutral request, `serve` answers it, and
 * the answer is written back as it is. A dropped answer destroys the socket, a rejection is a JSON 500.
 */
export async function serveHttp(
  serve: Serve,
  options: ListenOptions = {},
  hooks: LoopbackHooks = {},
): Promise<LoopbackServer> {
  const host = options.host ?? '127.0.0.1';
  const active = new Map<Socket, number>();
  let closing = false;

  const server = createServer(async (req, res) => {
    const socket = req.socket;
    active.set(socket, (active.get(socket) ?? 0) + 1);
    res.on('close', () => {
      const n = (active.get(socket) ?? 1) - 1;
      active.set(socket, n);
      if (closing && n === 0) socket.end();
    });
    await handle(req, res);
  });

  const newRequestId = () => hooks.requestId?.() ?? requestId();
  const own: LoopbackWorld = {
    serve,
    refused: (...refusal) => hooks.refused?.(...refusal),
    requestId: newRequestId,
  };
  /** A refusal made here, before any handler: journaled like the handlers' own, in the request's world. */
  const refuse = (
    world: LoopbackWorld,
    req: IncomingMessage,
    res: ServerResponse,
    result: JsonResult,
    close: boolean,
  ) => {
    const id = world.requestId();
    const code = (result.body as Partial<ErrorBody>).error?.code ?? 'invalid_request';
    world.refused(req, result.status, code, id);
    writePlain(res, result, close, id);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? '').toUpperCase();
    if (hooks.serve?.(req, res)) return;
    const world = hooks.world ? hooks.world(req.headers.authorization) : own;
    if (!('serve' in world)) {
      req.resume();
      return writePlain(res, world, closing, requestId());
    }
    if (FORBIDDEN_METHODS.has(method)) {
      req.resume();
      const result = errorResult('invalid_request', `The method ${method} is not supported.`, {}, 405);
      return refuse(world, req, res, result, closing);
    }
    let body: Buffer;
    try {
      const read = readBody(req);
      body = read instanceof Promise ? await read : read;
    } catch (e) {
      if (!(e instanceof TooLarge)) return void res.destroy();
      // The rest of the body is never read, so this connection cannot carry another request.
      const msg = `The request body exceeds ${MAX_BODY_BYTES} bytes.`;
      refuse(world, req, res, errorResult('invalid_request', msg, {}, 413), true);
      res.on('finish', () => req.socket.destroySoon());
      return;
    }
    let request: MockRequest;
    try {
      request = toRequest(req, body);
    } catch {
      const result = errorResult('invalid_request', 'The request could not be read as HTTP.');
      return refuse(world, req, res, result, closing);
    }
    let answer: MockResponse;
    try {
      const served = world.serve(request);
      answer = served instanceof Promise ? await served : served;
    } catch (e) {
      return writePlain(res, fromThrown(e), closing, world.requestId());
    }
    if (answer.dropped) return void req.socket.destroy();
    writeResponse(res, answer, closing);
  }

  // Node's default 5 s keep-alive races a client reusing a socket idle for about as long (the client's own idle
  // limit is derived from this hint): the server closes as the request goes out, and the client sees ECONNRESET.
  // A long server side makes the client always the one to close first; `close()` still ends idle sockets at once.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  server.on('connection', (socket) => {
    active.set(socket, 0);
    socket.on('close', () => active.delete(socket));
  });
  // Node hands CONNECT to this event, not to the request handler; unanswered, the client would just see a close.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    socket.on('error', () => undefined);
    endRaw(
      socket,
      errorResult('invalid_request', `The method ${req.method} is not supported.`, {}, 405),
      newRequestId(),
    );
  });
  // Malformed HTTP never reaches a handler: answer it in the same JSON shape instead of Node's bare 400.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    endRaw(socket, errorResult('invalid_request', 'Malformed HTTP request.', {}, status), newRequestId());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${hostInUrl}:${port}`;

  let closed: Promise<void> | undefined;
  return {
    url: origin,
    baseURL: `${origin}/v1`,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        closing = true;
        hooks.close?.();
        const force = setTimeout(() => {
          for (const socket of active.keys()) socket.destroy();
        }, CLOSE_GRACE_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        for (const [socket, n] of active) if (n === 0) socket.end();
      })),
  };
}
