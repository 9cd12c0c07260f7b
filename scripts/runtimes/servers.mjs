// What the runtimes talk to: the reference server as `vinr-mock` (the built bin) on a loopback port, and a small
// receiver that records the webhooks the mock signs and delivers, and echoes request headers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';

/** Starts the built `vinr-mock` on a free loopback port; resolves with its base URL and a stop function. */
export function startMock(root) {
  const child = spawn(process.execPath, [join(root, 'dist', 'cli.cjs'), '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`vinr-mock exited with ${code} before printing its URL`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (!line) return;
      child.removeAllListeners('exit');
      resolve({
        baseURL: line.trim(),
        stop: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/**
 * `POST /hooks/<run>` records a delivery (raw body + x-vinr-signature), `GET /deliveries/<run>` lists them, and
 * `GET /echo/...` answers with the request headers, so a runtime can see the User-Agent it sends.
 */
export async function startReceiver() {
  const deliveries = new Map();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const [, kind, run] = (req.url ?? '').split('/');
      const json = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json', 'vinr-request-id': 'req_receiver' });
        res.end(JSON.stringify(body));
      };
      if (kind === 'hooks' && req.method === 'POST') {
        const payload = Buffer.concat(chunks).toString('utf8');
        const list = deliveries.get(run) ?? [];
        list.push({ type: JSON.parse(payload).type, payload, signature: req.headers['x-vinr-signature'] });
        deliveries.set(run, list);
        return json(200, { received: true });
      }
      if (kind === 'deliveries') return json(200, deliveries.get(run) ?? []);
      if (kind === 'echo') return json(200, { id: 'ofr_echo', object: 'offer', headers: req.headers });
      return json(404, { error: { code: 'resource_missing', message: 'receiver: unknown path' } });
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
