import { createVinrMock } from '@vinr/sdk/mocks';
import { expect, test } from 'vitest';
import { NOW } from './support/offers.js';

// For callers in any language: the eligibility and checkout endpoints on the wire, over loopback HTTP.
test('eligibility and checkout endpoints over plain HTTP: shapes, the required account query, 405 and 404', async () => {
  const mock = createVinrMock({ now: NOW });
  const server = await mock.listen();
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.baseURL}${path}`, {
      method,
      headers: { authorization: `Bearer ${mock.secretKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
  };
  try {
    const vinr = mock.client();
    const offer = await vinr.engagement.offers.create({
      name: '10%',
      incentive: { type: 'percentage_discount', percent: 10 },
    });
    await vinr.engagement.offers.publish(offer.id);
    const member = await vinr.engagement.loyaltyAccounts.create({});

    const eligibility = await call('GET', `/engagement/offers/${offer.id}/eligibility?account=${member.id}`);
    expect(eligibility).toMatchObject({ status: 200, json: { object: 'offer_eligibility', eligible: true } });
    const noAccount = await call('GET', `/engagement/offers/${offer.id}/eligibility`);
    expect(noAccount).toMatchObject({ status: 400, json: { error: { code: 'invalid_request', param: 'account' } } });

    const preview = await call('POST', '/engagement/checkouts/preview', {
      account: member.id,
      amount: 500,
      currency: 'eur',
    });
    expect(preview).toMatchObject({ status: 200, json: { object: 'checkout_preview', amount_due: 450 } });
    const created = await call('POST', '/engagement/checkouts', { account: member.id, amount: 500, currency: 'eur' });
    expect(created).toMatchObject({ status: 200, json: { object: 'checkout', status: 'open', amount_due: 450 } });
    const id = String(created.json.id);
    const wrongMethod = await call('DELETE', `/engagement/checkouts/${id}`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, PATCH');
    const completed = await call('POST', `/engagement/checkouts/${id}/complete`, { payment_id: 'pay_http' });
    expect(completed).toMatchObject({ status: 200, json: { status: 'completed', payment_id: 'pay_http' } });
    const again = await call('POST', `/engagement/checkouts/${id}/cancel`);
    expect(again).toMatchObject({
      status: 409,
      json: { error: { code: 'checkout_not_open', details: { status: 'completed' } } },
    });
    const missing = await call('GET', '/engagement/checkouts/chk_nope');
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'resource_missing' } } });
  } finally {
    await server.close();
  }
});
