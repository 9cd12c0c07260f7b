import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type {
  AccountStatus,
  LoyaltyAccountCreateParams,
  LoyaltyAccountListParams,
  LoyaltyAccountUpdateParams,
} from '../schemas/accounts.js';
import type { Metadata } from '../schemas/common.js';
import { APIResource } from './resource.js';

export type { AccountStatus, LoyaltyAccountCreateParams, LoyaltyAccountListParams, LoyaltyAccountUpdateParams };

/** A member's loyalty account (`loy_…`). */
export interface LoyaltyAccount {
  id: string;
  object: 'loyalty_account';
  customer: string | null;
  tier: string | null;
  points_balance: number;
  status: AccountStatus;
  segments: string[];
  enrolled_at: string;
  metadata: Metadata;
  created_at: string;
}

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
    return this._call(async () => {
      const body = await this._client.validate<LoyaltyAccountCreateParams>('accountCreate', params);
      return this._client.requestWithResponse({ method: 'POST', path: '/engagement/loyalty_accounts', body }, options);
    });
  }

  /**
   * Retrieves an account.
   * @example
   * ```ts
   * const { points_balance } = await vinr.engagement.loyaltyAccounts.retrieve('loy_456');
   * ```
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<LoyaltyAccount> {
    return this._call(() => {
      return this._client.requestWithResponse(
        { method: 'GET', path: path`/engagement/loyalty_accounts/${id}` },
        options,
      );
    });
  }

  /**
   * Updates an account; `metadata` replaces the whole map.
   * @example
   * ```ts
   * await vinr.engagement.loyaltyAccounts.update('loy_456', { tier: 'platinum' });
   * ```
   */
  update(id: string, params: LoyaltyAccountUpdateParams, options?: RequestOptions): APIPromise<LoyaltyAccount> {
    return this._call(async () => {
      const p = path`/engagement/loyalty_accounts/${id}`;
      const body = await this._client.validate<LoyaltyAccountUpdateParams>('accountUpdate', params);
      return this._client.requestWithResponse({ method: 'PATCH', path: p, body }, options);
    });
  }

  /**
   * Lists accounts, newest first.
   * @example
   * ```ts
   * for await (const account of vinr.engagement.loyaltyAccounts.list()) console.log(account.id);
   * ```
   */
  list(params?: LoyaltyAccountListParams, options?: RequestOptions): PagePromise<LoyaltyAccount> {
    return this._list<LoyaltyAccount>('/engagement/loyalty_accounts', 'accountList', params, options);
  }
}
