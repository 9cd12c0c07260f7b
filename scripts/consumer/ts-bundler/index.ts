// TypeScript, moduleResolution bundler (Vite, esbuild, Next.js users): types of every entry, then run.
import assert from 'node:assert/strict';
import Vinr, { APIError, type LoyaltyAccount, NotFoundError } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';
import { verifyWebhook } from '@vinr/sdk/webhooks';

const vinr: Vinr = createVinrMock().client();
const account: LoyaltyAccount = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' });
assert.equal((await vinr.engagement.loyaltyAccounts.retrieve(account.id)).id, account.id);
// @ts-expect-error the types know `tier` is a string (and the SDK refuses it before sending)
await vinr.engagement.loyaltyAccounts.create({ tier: 5 }).catch(() => undefined);
const err: unknown = await vinr.engagement.loyaltyAccounts.retrieve('loy_missing').catch((e: unknown) => e);
assert.ok(
  err instanceof NotFoundError && err instanceof APIError,
  `a mock.client() error is NotFoundError, got ${err}`,
);
assert.equal(typeof verifyWebhook, 'function');
console.log(`ts-bundler ${account.id}`);
