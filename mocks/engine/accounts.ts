import type { LoyaltyAccountCreateParams, LoyaltyAccountUpdateParams } from '../../src/schemas/accounts.js';
import type { EngineState } from './engine-state.js';
import { newId } from './ids.js';
import { writePoints } from './ledger.js';
import { findAccount } from './lookup.js';
import { type ListPage, type ListQuery, paginate } from './pagination.js';
import { accountJson, type LoyaltyAccount, type PointsTransaction, pointsTxJson } from './serialize.js';

export interface PointsTransactionListQuery extends ListQuery {
  account: string;
}

/**
 * Loyalty accounts and their points ledger.
 */
export class AccountService {
  constructor(private readonly state: EngineState) {}

  /**
   * Enrols a member. A positive opening balance is written as an `opening_balance` transaction
   * (none for 0), so the balance is always the sum of the account's transactions.
   */
  create(params: LoyaltyAccountCreateParams): LoyaltyAccount {
    const { store, clock } = this.state;
    const now = clock.ms();
    const account = store.accounts.insert({
      id: newId('loy'),
      seq: store.nextSeq(),
      customer: params.customer ?? null,
      tier: params.tier ?? null,
      balance: 0,
      status: 'active',
      segments: [],
      enrolledAt: params.enrolled_at === undefined ? now : Date.parse(params.enrolled_at),
      metadata: structuredClone(params.metadata ?? {}),
      createdAt: now,
    });
    const opening = params.points_balance ?? 0;
    if (opening > 0) writePoints(this.state, account, opening, 'opening_balance');
    return accountJson(account);
  }

  retrieve(id: string): LoyaltyAccount {
    return accountJson(findAccount(this.state, id));
  }

  /**
   * Changes customer, tier, status or metadata (which replaces the whole map). Any status may follow
   * any other; offers re-check the account as it is at each redemption.
   */
  update(id: string, params: LoyaltyAccountUpdateParams): LoyaltyAccount {
    const account = findAccount(this.state, id);
    if (params.customer !== undefined) account.customer = params.customer;
    if (params.tier !== undefined) account.tier = params.tier;
    if (params.status !== undefined) account.status = params.status;
    if (params.metadata !== undefined) account.metadata = structuredClone(params.metadata);
    return accountJson(account);
  }

  /** Newest first. */
  list(query: ListQuery = {}): ListPage<LoyaltyAccount> {
    const { accounts } = this.state.store;
    return paginate(accounts.rows, query, (id) => accounts.position(id), accountJson);
  }

  /** A member's transactions, newest first. */
  transactions(query: PointsTransactionListQuery): ListPage<PointsTransaction> {
    const account = findAccount(this.state, query.account, 'account');
    const { pointsTxs } = this.state.store;
    return paginate(
      pointsTxs.rows,
      query,
      (id) => pointsTxs.position(id),
      pointsTxJson,
      (t) => t.account === account.id,
    );
  }
}
