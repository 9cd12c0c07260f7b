import type { EngineState } from './engine-state.js';
import { newId } from './ids.js';
import type { AccountRecord, PointsTxRecord, PointsTxType } from './records.js';

/** What a points transaction refers to besides its account. */
export interface PointsSource {
  offer?: string | null;
  paymentId?: string | null;
  refundId?: string | null;
}

/**
 * The only writer of points: appends a transaction and moves the balance with it, so a member's
 * balance is always the sum of their transactions.
 */
export function writePoints(
  state: EngineState,
  account: AccountRecord,
  points: number,
  type: PointsTxType,
  source: PointsSource = {},
): PointsTxRecord {
  const tx = state.store.pointsTxs.insert({
    id: newId('ptx'),
    seq: state.store.nextSeq(),
    account: account.id,
    points,
    type,
    offer: source.offer ?? null,
    paymentId: source.paymentId ?? null,
    refundId: source.refundId ?? null,
    createdAt: state.clock.ms(),
  });
  account.balance += points;
  return tx;
}
