import { createVinrMock } from '@vinr/sdk/mocks';
import { Agent, request } from 'undici';
import { expect, test } from 'vitest';

// A server that drops idle keep-alive sockets after Node's default 5 s races clients that reuse a socket
// idle for about as long (ECONNRESET). The loopback server keeps sockets for 65 s and says so, so the
// client, which derives its own idle limit from this hint, always closes first.
test('the loopback server advertises a keep-alive long enough that clients close idle sockets first', async () => {
  const mock = createVinrMock();
  const server = await mock.listen();
  const agent = new Agent();
  try {
    const res = await request(`${server.baseURL}/engagement/offers`, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${mock.secretKey}` },
    });
    await res.body.text();
    expect(res.statusCode).toBe(200);
    expect(res.headers['keep-alive']).toBe('timeout=65');
  } finally {
    await agent.close();
    await server.close();
  }
});
