import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { RewardCreateParams, RewardListParams } from '../schemas/catalog.js';
import { APIResource } from './resource.js';

export type { RewardCreateParams, RewardListParams };

/** A catalog reward (`rwd_…`), the prize of a `gift_reward` offer. */
export interface Reward {
  id: string;
  object: 'reward';
  name: string;
  points_cost: number;
  created_at: string;
}

/**
 * `vinr.engagement.rewards`: The reward catalog: the prizes of `gift_reward` offers.
 * @example
 * ```ts
 * const reward = await vinr.engagement.rewards.create({ name: 'Free coffee', points_cost: 300 });
 * ```
 */
export class Rewards extends APIResource {
  /**
   * Adds a reward to the catalog.
   * @example
   * ```ts
   * const mug = await vinr.engagement.rewards.create({ name: 'Branded mug', points_cost: 800 });
   * ```
   */
  create(params: RewardCreateParams, options?: RequestOptions): APIPromise<Reward> {
    return this._call(async () => {
      const body = await this._client.validate<RewardCreateParams>('rewardCreate', params);
      return this._client.requestWithResponse({ method: 'POST', path: '/engagement/rewards', body }, options);
    });
  }

  /**
   * Retrieves a reward.
   * @example
   * ```ts
   * const reward = await vinr.engagement.rewards.retrieve('rwd_123');
   * ```
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<Reward> {
    return this._call(() => {
      return this._client.requestWithResponse({ method: 'GET', path: path`/engagement/rewards/${id}` }, options);
    });
  }

  /**
   * Lists rewards, newest first.
   * @example
   * ```ts
   * const rewards = await vinr.engagement.rewards.list().toArray({ limit: 100 });
   * ```
   */
  list(params?: RewardListParams, options?: RequestOptions): PagePromise<Reward> {
    return this._list<Reward>('/engagement/rewards', 'rewardList', params, options);
  }
}
