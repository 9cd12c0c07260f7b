import { createVinrMock } from '@vinr/sdk/mocks';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { operations } from '../src/api/operations/index.js';
import { resourcesByNamespace } from './support/namespaces.js';

const mock = createVinrMock();
const vinr = mock.client({ maxRetries: 0 });
const NAMESPACE = resourcesByNamespace(vinr);

describe('the operation table is the one list of operations', () => {
  it.each(Object.keys(operations))('%s is a method of the SDK', (name) => {
    const [ns = '', method = ''] = name.split('.');
    expect(typeof (NAMESPACE[ns] as Record<string, unknown> | undefined)?.[method]).toBe('function');
  });

  it.each(Object.entries(operations))('%s is served by the reference server at its method and path', async (_, op) => {
    const path = op.path.replace(/:\w+/g, 'x_1');
    const res = await request(`https://api.vinr.com/v1${path}`, {
      method: op.method,
      dispatcher: mock.dispatcher,
      headers: { authorization: `Bearer ${mock.secretKey}`, 'content-type': 'application/json' },
      ...(op.method === 'GET' ? {} : { body: '{}' }),
    });
    const body = (await res.body.json()) as { error?: { message: string } };
    // Refused for its made-up id or empty body, perhaps, but by the operation itself: not an unknown route.
    expect(res.statusCode).not.toBe(405);
    expect(body.error?.message ?? '').not.toMatch(/^Unrecognized request URL/);
  });
});
