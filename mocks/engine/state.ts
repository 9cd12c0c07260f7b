import type { MockClock } from './clock.js';
import { notFound } from './errors.js';
import type { EventLog } from './events.js';
import { newId } from './ids.js';
import { offerJson } from './serialize.js';
import { expiryOf } from './status.js';
import type { AccountRecord, OfferRecord, PointsTxRecord, PointsTxType, Store } from './store.js';

/** What every engine service shares: one store, one clock, one event log. */
export interface EngineState {
  readonly store: Store;
  readonly clock: MockClock;
  readonly events: EventLog;
  readonly earnRate: number;
}

/**
 * The offer, or a 404 `resource_missing` naming `param` (the path's `id`, or the body field that named it).
 * @example
 * ```ts
 * const offer = findOffer(state, 'ofr_1', 'offer');
 * ```
 */
export function findOffer(state: EngineState, id: string, param = 'id'): OfferRecord {
  const offer = state.store.offers.get(id);
  if (!offer) throw notFound('offer', id, param);
  return offer;
}

/**
 * The loyalty account, or a 404 `resource_missing` naming `param`.
 * @example
 * ```ts
 * const account = findAccount(state, 'loy_1', 'account');
 * ```
 */
export function findAccount(state: EngineState, id: string, param = 'id'): AccountRecord {
  const account = state.store.accounts.get(id);
  if (!account) throw notFound('loyalty account', id, param);
  return account;
}

/**
 * Writes a points transaction and moves the balance with it, so a balance is always the sum of
 * its transactions.
 * @example
 * ```ts
 * writePoints(state, account, 49, 'earn', null, 'pay_1');
 * ```
 */
export function writePoints(
  state: EngineState,
  account: AccountRecord,
  points: number,
  type: PointsTxType,
  offer: string | null,
  paymentId: string | null,
): PointsTxRecord {
  const tx = state.store.pointsTxs.insert({
    id: newId('ptx'),
    seq: state.store.nextSeq(),
    account: account.id,
    points,
    type,
    offer,
    paymentId,
    createdAt: state.clock.ms(),
  });
  account.balance += points;
  return tx;
}

/**
 * Emits `loyalty.offer.expired` once per offer.
 * @example
 * ```ts
 * announceExpiry(state, offer);
 * ```
 */
export function announceExpiry(state: EngineState, offer: OfferRecord): void {
  if (offer.expiryAnnounced) return;
  offer.expiryAnnounced = true;
  state.store.pendingExpiry.delete(offer);
  state.events.emit('loyalty.offer.expired', { offer: offerJson(offer, state.clock.ms()) });
}

/**
 * Announces the offers whose `ends_at` has passed. Expiry by time is a consequence of the clock, so
 * it is announced when first observed: on every engine call and whenever the mock clock moves.
 * @example
 * ```ts
 * clock.advance('3d');
 * announceDueExpiries(state); // emits loyalty.offer.expired for offers that ended meanwhile
 * ```
 */
export function announceDueExpiries(state: EngineState): void {
  const { pendingExpiry } = state.store;
  if (pendingExpiry.size === 0) return;
  const now = state.clock.ms();
  const due = [...pendingExpiry].filter((o) => expiryOf(o, now) !== null);
  due.sort((a, b) => (a.endsAt ?? 0) - (b.endsAt ?? 0) || a.seq - b.seq);
  for (const offer of due) announceExpiry(state, offer);
}
