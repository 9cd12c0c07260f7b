import { APIConnectionTimeoutError, APIUserAbortError, NotFoundError, Vinr } from '@vinr/sdk';
import { MockAgent } from 'undici';
import { describe, expect, test } from 'vitest';

// Any undici Dispatcher works as `dispatcher`: MockAgent, and a bare MockPool, which still calls the
// legacy handler methods (onConnect/onHeaders/onData/onComplete) directly.
const setup = () => {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get('https://api.vinr.com');
  pool
    .intercept({ path: '/v1/engagement/offers/ofr_1', method: 'GET' })
    .reply(200, { id: 'ofr_1', object: 'offer' }, { headers: { 'content-type': 'application/json' } });
  pool
    .intercept({ path: '/v1/engagement/offers/ofr_2', method: 'GET' })
    .reply(
      404,
      { error: { code: 'resource_missing', message: 'No such offer' } },
      { headers: { 'vinr-request-id': 'req_9' } },
    );
  pool.intercept({ path: '/v1/engagement/offers/ofr_3', method: 'GET' }).reply(200, {}).delay(1_000).times(2);
  return { agent, pool };
};

describe.each(['MockAgent', 'MockPool'] as const)('a %s as dispatcher', (kind) => {
  test('success, typed HTTP errors with request id, timeout and abort all behave as over the network', async () => {
    const { agent, pool } = setup();
    const vinr = new Vinr({ secretKey: 'sk_test', dispatcher: kind === 'MockAgent' ? agent : pool, maxRetries: 0 });
    await expect(vinr.engagement.offers.retrieve('ofr_1')).resolves.toEqual({ id: 'ofr_1', object: 'offer' });
    await expect(vinr.engagement.offers.retrieve('ofr_2')).rejects.toMatchObject({
      constructor: NotFoundError,
      code: 'resource_missing',
      requestId: 'req_9',
    });
    await expect(vinr.engagement.offers.retrieve('ofr_3', { timeout: 50 })).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
    const ac = new AbortController();
    setTimeout(() => ac.abort('stop'), 30);
    const e = await vinr.engagement.offers.retrieve('ofr_3', { signal: ac.signal }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(APIUserAbortError);
    expect((e as APIUserAbortError).cause).toBe('stop');
    await agent.close();
  });
});
