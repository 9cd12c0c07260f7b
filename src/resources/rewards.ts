import { memberOperations as ops } from '../api/operations/members.js';
import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import type { PagePromise } from '../core/pagination.js';
import type { RewardCreateParams, RewardListParams } from '../schemas/catalog.js';
import type { Reward } from '../schemas/objects/index.js';
import { APIResource } from './resource.js';

export type { Reward, RewardCreateParams, RewardListParams };

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
    return this._request(ops['rewards.create'], [], params, options);
  }

  /**
   * Retrieves a reward.
   * @example
   * ```ts
   * const reward = await vinr.engagement.rewards.retrieve('rwd_123');
   * ```
   */
  retrieve(id: string, options?: RequestOptions): APIPromise<Reward> {
    return this._request(ops['rewards.retrieve'], [id], undefined, options);
  }

  /**
   * Lists rewards, newest first.
   * @example
   * ```ts
   * const rewards = await vinr.engagement.rewards.list().toArray({ limit: 100 });
   * ```
   */
  list(params?: RewardListParams, options?: RequestOptions): PagePromise<Reward> {
    return this._list<Reward>(ops['rewards.list'], params, options);
  }
}
