import type { RewardCreateParams, SegmentCreateParams, SegmentMembersParams } from '../../src/schemas/catalog.js';
import type { EngineState } from './engine-state.js';
import { EngineError, notFound } from './errors.js';
import { newId } from './ids.js';
import { type ListPage, type ListQuery, paginate } from './pagination.js';
import type { AccountRecord, SegmentRecord } from './records.js';
import { type Reward, rewardJson, type Segment, segmentJson } from './serialize.js';

/**
 * Segments (keyed by `key`) and their members.
 */
export class SegmentService {
  constructor(private readonly state: EngineState) {}

  #record(key: string): SegmentRecord {
    const segment = this.state.store.segments.get(key);
    if (!segment) throw notFound('segment', key, 'key');
    return segment;
  }

  /** A key already taken is a 400 `invalid_request` with `param: 'key'`. */
  create(params: SegmentCreateParams): Segment {
    const { store, clock } = this.state;
    if (store.segments.get(params.key)) {
      throw new EngineError('invalid_request', `A segment with key '${params.key}' already exists.`, {
        param: 'key',
      });
    }
    const segment = store.segments.insert({
      key: params.key,
      seq: store.nextSeq(),
      name: params.name ?? params.key,
      members: [],
      createdAt: clock.ms(),
    });
    return segmentJson(segment);
  }

  retrieve(key: string): Segment {
    return segmentJson(this.#record(key));
  }

  /** Newest first; the cursor is a key. */
  list(query: ListQuery = {}): ListPage<Segment> {
    const { segments } = this.state.store;
    return paginate(segments.rows, query, (key) => segments.position(key), segmentJson);
  }

  /** Every account is checked before anything is written (404 `accounts.N`). */
  #accounts(params: SegmentMembersParams): AccountRecord[] {
    return params.accounts.map((id, i) => {
      const account = this.state.store.accounts.get(id);
      if (!account) throw notFound('loyalty account', id, `accounts.${i}`);
      return account;
    });
  }

  /** Adding a member twice is not an error. */
  addMembers(key: string, params: SegmentMembersParams): Segment {
    const segment = this.#record(key);
    for (const account of this.#accounts(params)) {
      if (!segment.members.includes(account.id)) segment.members.push(account.id);
      if (!account.segments.includes(segment.key)) account.segments.push(segment.key);
    }
    return segmentJson(segment);
  }

  /** Removing a non-member is not an error. */
  removeMembers(key: string, params: SegmentMembersParams): Segment {
    const segment = this.#record(key);
    for (const account of this.#accounts(params)) {
      segment.members = segment.members.filter((id) => id !== account.id);
      account.segments = account.segments.filter((key) => key !== segment.key);
    }
    return segmentJson(segment);
  }
}

/**
 * The reward catalog (prizes of `gift_reward` offers).
 */
export class RewardService {
  constructor(private readonly state: EngineState) {}

  create(params: RewardCreateParams): Reward {
    const { store, clock } = this.state;
    const reward = store.rewards.insert({
      id: newId('rwd'),
      seq: store.nextSeq(),
      name: params.name,
      pointsCost: params.points_cost,
      createdAt: clock.ms(),
    });
    return rewardJson(reward);
  }

  retrieve(id: string): Reward {
    const reward = this.state.store.rewards.get(id);
    if (!reward) throw notFound('reward', id, 'id');
    return rewardJson(reward);
  }

  /** Newest first. */
  list(query: ListQuery = {}): ListPage<Reward> {
    const { rewards } = this.state.store;
    return paginate(rewards.rows, query, (id) => rewards.position(id), rewardJson);
  }
}
