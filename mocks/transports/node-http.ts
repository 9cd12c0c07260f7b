/** Reading a request from `node:http` into the neutral request, and writing answers back, with no Fetch objects. */
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { emptyBody, headersFromPairs, type MockRequest, type MockResponse, splitTarget } from '../http/exchange.js';
import type { JsonResult } from '../http/respond.js';

/** Bodies above this are refused with 413 before they are buffered: a fixture must not exhaust the test's memory. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Methods the Fetch `Request` constructor refuses outright. */
export const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

export class TooLarge extends Error {}

const NO_BODY = Buffer.alloc(0);

export function readBody(req: IncomingMessage): Buffer | Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.reject(new TooLarge());
  if (req.complete) {
    // The whole request has arrived (always so for a GET, and for most small writes): read what is buffered now
    // rather than wait for its events.
    const chunks: Buffer[] = [];
    let size = 0;
    for (let chunk: Buffer | null = req.read(); chunk !== null; chunk = req.read()) {
      chunks.push(chunk);
      size += chunk.length;
    }
    if (size > MAX_BODY_BYTES) return Promise.reject(new TooLarge());
    return chunks.length === 0 ? NO_BODY : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The neutral request, read straight from `node:http` (no Fetch objects on this path). */
export function toRequest(req: IncomingMessage, body: Buffer): MockRequest {
  const method = (req.method ?? 'GET').toUpperCase();
  // Only the path and query are read from the target: a client-chosen Host header changes nothing.
  const { path, query } = splitTarget(req.url ?? '/');
  const withBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return { method, path, query, headers: headersFromPairs(req.rawHeaders), body: withBody ? body : emptyBody };
}

/** Answers on a socket Node no longer parses as HTTP (CONNECT, a parse error), then closes it. */
export function endRaw(socket: Socket, result: JsonResult, id: string): void {
  const body = Buffer.from(JSON.stringify(result.body));
  const head = [
    `HTTP/1.1 ${result.status} ${STATUS_CODES[result.status] ?? ''}`,
    'content-type: application/json',
    `content-length: ${body.length}`,
    `vinr-request-id: ${id}`,
    'connection: close',
  ];
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]));
}

/** Writes a refusal made before the request reached the handlers, in the same shape as every other. */
export function writePlain(res: ServerResponse, result: JsonResult, close: boolean, id: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(JSON.stringify(result.body));
  res.writeHead(result.status, {
    'content-type': 'application/json',
    'content-length': body.length,
    'vinr-request-id': id,
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

export function writeResponse(res: ServerResponse, answer: MockResponse, closing: boolean): void {
  if (res.destroyed) return;
  // The answer is this request's own: its headers object is written as it is.
  const headers: Record<string, string | string[] | number> = answer.headers;
  headers['content-length'] = Buffer.byteLength(answer.body);
  if (closing) headers.connection = 'close';
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}
