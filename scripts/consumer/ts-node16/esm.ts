// TypeScript, moduleResolution node16, ESM: the `import` types (.d.ts) of every entry.
import assert from 'node:assert/strict';
import { type LoyaltyAccount, NotFoundError, type Vinr } from '@vinr/sdk';
import { createVinrMock, type VinrMock } from '@vinr/sdk/mocks';
import { verifyWebhook } from '@vinr/sdk/webhooks';

const mock: VinrMock = createVinrMock();
const vinr: Vinr = mock.client();
const account: LoyaltyAccount = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
assert.equal((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).id, account.id);
// @ts-expect-error the types know `tier` is a string (and the SDK refuses it before sending)
await vinr.engagement.loyaltyAccounts.create({ tier: 5 }).catch(() => undefined);
const err: unknown = await vinr.engagement.loyaltyAccounts.retrieve('loy_missing').catch((e: unknown) => e);
assert.ok(err instanceof NotFoundError && err.status === 404, `a mock.client() error is NotFoundError, got ${err}`);
assert.equal(typeof verifyWebhook, 'function');
console.log(`ts-node16 esm ${account.id}`);
