import { memberOperations as ops } from '../api/operations/members.js';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import type {
  AccountStatus,
  LoyaltyAccountCreateParams,
  LoyaltyAccountListParams,
  LoyaltyAccountUpdateParams,
} from '../schemas/accounts.js';
import type { LoyaltyAccount } from '../schemas/objects/index.js';
import { APIResource } from './resource.js';

export type {
  AccountStatus,
  LoyaltyAccount,
  LoyaltyAccountCreateParams,
  LoyaltyAccountListParams,
  LoyaltyAccountUpdateParams,
};

/**
 * `vinr.engagement.loyaltyAccounts`: Members' loyalty accounts: tier, points balance, status and segments.
 * @example
 * ```ts
 * const account = await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_42', tier: 'gold' });
 * await vinr.engagement.loyaltyAccounts.update(account.id, { status: 'suspended' });
 * ```
 */
export class LoyaltyAccounts extends APIResource {
  /**
   * Enrols a member, optionally with an opening balance and a past `enrolled_at` (imports).
   * @example
   * ```ts
   * const account = await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_42', tier: 'gold', points_balance: 1200 });
   * ```
   */
  create(params: LoyaltyAccountCreateParams = {}, options?: RequestOptions): APIPromise<LoyaltyAccount> {
    return this._request(ops['loyaltyAccounts.create'], [], params, options);
  }

  /**
   * Retrieves an account.
   * @example
   * ```ts
   * const { points_balance } = await vinr.engagement.loyaltyAccounts.retrieve('loy_456');
   * ```
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<LoyaltyAccount> {
    return this._request(ops['loyaltyAccounts.retrieve'], [id], undefined, options);
  }

  /**
   * Updates an account; `metadata` replaces the whole map.
   * @example
   * ```ts
   * await vinr.engagement.loyaltyAccounts.update('loy_456', { tier: 'platinum' });
   * ```
   */
  update(id: string, params: LoyaltyAccountUpdateParams, options?: RequestOptions): APIPromise<LoyaltyAccount> {
    return this._request(ops['loyaltyAccounts.update'], [id], params, options);
  }

  /**
   * Lists accounts, newest first.
   * @example
   * ```ts
   * for await (const account of vinr.engagement.loyaltyAccounts.list()) console.log(account.id);
   * ```
   */
  list(params?: LoyaltyAccountListParams, options?: RequestOptions): PagePromise<LoyaltyAccount> {
    return this._list<LoyaltyAccount>(ops['loyaltyAccounts.list'], params, options);
  }
}
