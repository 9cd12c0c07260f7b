/**
 * The floor of the loopback benchmark: a bare `node:http` keep-alive server that reads each request body and
 * answers a JSON body of `--bytes N` bytes with the same headers as the mock. Prints `{"port":N}`; lives until
 * stdin closes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const at = process.argv.indexOf('--bytes');
const size = at > 0 ? Number(process.argv[at + 1]) : 600;
const body = Buffer.from(JSON.stringify({ object: 'offer', padding: 'x'.repeat(Math.max(0, size - 32)) }));
let served = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': body.length,
      'vinr-request-id': `req_${++served}`,
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
