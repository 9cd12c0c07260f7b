/**
 * The benchmark's HTTP server, run in its own process so that its CPU is not billed to the client under test.
 * A `node:http` keep-alive server on 127.0.0.1 that answers every GET with the same ~600-byte offer JSON, whatever
 * the path (`/v1/engagement/offers/:id`, stripe's `/v1/customers/:id`, openai's `/v1/models/:id`): every client
 * parses the very same bytes. Prints `{"port":N}` on stdout once listening; exits on SIGTERM or when stdin closes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A realistic published offer, as `GET /v1/engagement/offers/:id` returns it. */
export const OFFER = {
  id: 'ofr_123',
  object: 'offer',
  name: 'Win-back weekend: 2x points',
  incentive: { type: 'points_multiplier', multiplier: 2 },
  targeting: { segments: ['lapsed_90d'], tiers: ['gold', 'platinum'], min_balance: 100 },
  activation: 'auto',
  starts_at: '2026-06-06T00:00:00.000Z',
  ends_at: '2026-06-08T23:59:59.000Z',
  max_redemptions: 10000,
  per_member_limit: 1,
  status: 'active',
  redemption_count: 4242,
  published_at: '2026-06-01T09:30:00.000Z',
  paused_at: null,
  expired_reason: null,
  metadata: { campaign: 'summer_2026', channel: 'email' },
  created_at: '2026-05-28T14:02:11.000Z',
  updated_at: '2026-06-01T09:30:00.000Z',
};

const body = Buffer.from(JSON.stringify(OFFER));
let served = 0;

const server = createServer({ keepAlive: true, keepAliveTimeout: 60_000 }, (req, res) => {
  served++;
  // Drain any request body before answering so that keep-alive connections stay reusable.
  req.resume();
  req.on('end', () => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': body.length,
      'vinr-request-id': `req_${served}`,
      'request-id': `req_${served}`,
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, bytes: body.length })}\n`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
