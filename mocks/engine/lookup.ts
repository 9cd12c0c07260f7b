import type { EngineState } from './engine-state.js';
import { notFound } from './errors.js';
import type { AccountRecord, CheckoutRecord, OfferRecord } from './records.js';

/** The offer, or a 404 `resource_missing` naming `param` (the path's `id`, or the field that named it). */
export function findOffer(state: EngineState, id: string, param = 'id'): OfferRecord {
  const offer = state.store.offers.get(id);
  if (!offer) throw notFound('offer', id, param);
  return offer;
}

/** The loyalty account, or a 404 `resource_missing` naming `param`. */
export function findAccount(state: EngineState, id: string, param = 'id'): AccountRecord {
  const account = state.store.accounts.get(id);
  if (!account) throw notFound('loyalty account', id, param);
  return account;
}

/** The checkout, or a 404 `resource_missing` naming `param`. */
export function findCheckout(state: EngineState, id: string, param = 'id'): CheckoutRecord {
  const checkout = state.store.checkouts.get(id);
  if (!checkout) throw notFound('checkout', id, param);
  return checkout;
}
