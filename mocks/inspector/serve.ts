import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type InspectorSource, inspectorState } from './state.js';

/** How often a live stream looks for a change (a page open costs one state build per tick, nothing otherwise). */
const TICK_MS = 250;

const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/__inspector/inspector.css': { file: 'inspector.css', type: 'text/css; charset=utf-8' },
  '/__inspector/lists.css': { file: 'lists.css', type: 'text/css; charset=utf-8' },
  '/__inspector/inspector.js': { file: 'inspector.js', type: 'text/javascript; charset=utf-8' },
};

/** Where the page's files are: next to this module in the sources, `inspector/` next to the bundle in dist. */
function assetDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [join(here, 'assets'), join(here, 'inspector')]) {
    try {
      readFileSync(join(dir, 'index.html'));
      return dir;
    } catch {}
  }
  throw new Error(`the inspector page's files are missing next to ${here}`);
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Whether a path belongs to the inspector (its page, files, data and stream) rather than to the API. */
export const isInspectorPath = (path: string): boolean =>
  path in ASSETS || path === '/__inspector/state' || path === '/__inspector/stream';

/** The inspector as a loopback-server hook: the page, its data and its live stream, all outside the base URL. */
export interface Inspector {
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  close(): void;
}

/**
 * Serves the inspector page at `/`. Bound to a loopback host it is open, as the API's test helpers are to the
 * key holder; bound to any other host, the page and its data need the secret key (`?key=` or a Bearer header).
 */
export function createInspector(src: InspectorSource, secretKey: string, host: string): Inspector {
  const open = LOOPBACK.test(host);
  const streams = new Set<ServerResponse>();
  const files = new Map<string, Buffer>();
  let dir: string | undefined;

  const authorised = (req: IncomingMessage, url: URL) =>
    open || url.searchParams.get('key') === secretKey || req.headers.authorization === `Bearer ${secretKey}`;

  function asset(path: string): Buffer {
    const name = ASSETS[path]?.file as string;
    let body = files.get(name);
    if (!body) {
      dir ??= assetDir();
      body = readFileSync(join(dir, name));
      files.set(name, body);
    }
    return body;
  }

  function stream(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    streams.add(res);
    let last = '';
    const tick = () => {
      const json = JSON.stringify(inspectorState(src));
      if (json !== last) {
        last = json;
        res.write(`data: ${json}\n\n`);
      }
    };
    tick();
    const timer = setInterval(tick, TICK_MS);
    timer.unref();
    res.on('close', () => {
      clearInterval(timer);
      streams.delete(res);
    });
  }

  return {
    serve(req, res) {
      // The API's own requests, nearly all of them, pass without a URL parse.
      if (req.url?.startsWith('/v1/')) return false;
      const url = new URL(req.url ?? '/', 'http://inspector');
      const path = url.pathname;
      const isAsset = path in ASSETS;
      if (!isInspectorPath(path)) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      req.resume();
      // The stylesheet and script are the package's own files, the same for everyone: only the page and its data
      // are guarded (a browser cannot add the key to the requests its page makes for them).
      const isPublic = isAsset && path !== '/';
      if (!isPublic && !authorised(req, url)) {
        const body = 'This mock listens beyond loopback: open the inspector with ?key=<the mock secret key>.\n';
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body);
        return true;
      }
      if (path === '/__inspector/stream') {
        stream(res);
        return true;
      }
      let body: Buffer;
      let type: string;
      try {
        if (path === '/__inspector/state') {
          body = Buffer.from(JSON.stringify(inspectorState(src)));
          type = 'application/json';
        } else {
          body = asset(path);
          type = ASSETS[path]?.type as string;
        }
      } catch (e) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`The inspector failed: ${e instanceof Error ? e.message : String(e)}\n`);
        return true;
      }
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
    close() {
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}
