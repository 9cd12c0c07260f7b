// A CommonJS user: require every entry, create a loyalty account in the reference server, read it back.
const assert = require('node:assert/strict');
const { NotFoundError, VERSION, Vinr, WebhookSignatureError } = require('@vinr/sdk');
const { createVinrMock } = require('@vinr/sdk/mocks');
const webhooks = require('@vinr/sdk/webhooks');

async function main() {
  const vinr = createVinrMock().client();
  assert.ok(vinr instanceof Vinr, 'mock.client() is the Vinr the user requires');
  const account = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold', metadata: { via: 'cjs' } });
  assert.equal((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).tier, 'gold');
  const err = await vinr.engagement.loyaltyAccounts.retrieve('loy_missing').catch((e) => e);
  assert.ok(err instanceof NotFoundError, `a mock.client() error is the NotFoundError of @vinr/sdk, got ${err}`);
  let bad;
  try {
    webhooks.verifyWebhook('{}', 't=1,v1=00', { secret: 'whsec_x' });
  } catch (e) {
    bad = e;
  }
  assert.ok(bad instanceof WebhookSignatureError, 'a /webhooks error is the WebhookSignatureError of @vinr/sdk');
  assert.equal(webhooks.WebhookSignatureError, WebhookSignatureError);
  console.log(`cjs ${VERSION} ${account.id}`);
}
main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
