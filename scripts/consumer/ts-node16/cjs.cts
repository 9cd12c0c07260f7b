// TypeScript, moduleResolution node16, CommonJS (.cts): the `require` types (.d.cts) of every entry.
import assert = require('node:assert/strict');

import { type LoyaltyAccount, NotFoundError, type Vinr } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { verifyWebhook } from '@vinr/sdk/webhooks';

async function main(): Promise<void> {
  const vinr: Vinr = createVinrMock().client();
  const account: LoyaltyAccount = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
  assert.equal((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).id, account.id);
  const err: unknown = await vinr.engagement.loyaltyAccounts.retrieve('loy_missing').catch((e: unknown) => e);
  assert.ok(err instanceof NotFoundError, `a mock.client() error is NotFoundError, got ${err}`);
  assert.equal(typeof verifyWebhook, 'function');
  console.log(`ts-node16 cjs ${account.id}`);
}
main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
