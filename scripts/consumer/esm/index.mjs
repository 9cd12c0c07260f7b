// An ESM user: import every entry, create a loyalty account in the reference server, read it back.
import assert from 'node:assert/strict';
import DefaultVinr, { NotFoundError, VERSION, Vinr, WebhookSignatureError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { WebhookSignatureError as FromWebhooks, verifyWebhook } from '@vinr/sdk/webhooks';

const mock = createVinrMock();
const vinr = mock.client();
assert.ok(vinr instanceof Vinr && DefaultVinr === Vinr, 'mock.client() is the Vinr the user imports');
const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold', metadata: { via: 'esm' } });
assert.equal((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).tier, 'gold');
const err = await vinr.engagement.loyaltyAccounts.retrieve('loy_missing').catch((e) => e);
assert.ok(err instanceof NotFoundError, `a mock.client() error is the NotFoundError of @vinr/sdk, got ${err}`);
const bad = (() => {
  try {
    verifyWebhook('{}', 't=1,v1=00', { secret: 'whsec_x' });
  } catch (e) {
    return e;
  }
})();
assert.ok(
  bad instanceof WebhookSignatureError && FromWebhooks === WebhookSignatureError,
  'one error class across entries',
);
console.log(`esm ${VERSION} ${account.id}`);
