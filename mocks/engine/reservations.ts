import type { EngineState } from './engine-state.js';
import type { CheckoutRecord } from './records.js';

/**
 * Slots held by open checkouts. A reserved slot counts as taken for every eligibility check (see
 * eligibility.ts) until it is released (cancel, expiry, re-quote) or turned into a redemption.
 */

/** Holds one slot of each applied offer (of `max_redemptions` and of the member's limit). */
export function hold(state: EngineState, checkout: CheckoutRecord): void {
  const { store } = state;
  for (const applied of checkout.applied) {
    const offer = store.offers.get(applied.offer);
    if (!offer) continue;
    offer.reservedCount += 1;
    store.bump(store.reserved, offer.id, checkout.account, 1);
  }
  checkout.holding = true;
  // Only checkouts that hold slots need releasing when they expire.
  if (checkout.applied.length > 0) store.holdingCheckouts.push(checkout.id);
}

/** Gives the checkout's slots back. Does nothing when it holds none. */
export function release(state: EngineState, checkout: CheckoutRecord): void {
  if (!checkout.holding) return;
  const { store } = state;
  for (const applied of checkout.applied) {
    const offer = store.offers.get(applied.offer);
    if (!offer) continue;
    offer.reservedCount -= 1;
    store.bump(store.reserved, offer.id, checkout.account, -1);
  }
  checkout.holding = false;
  if (checkout.applied.length === 0) return;
  const at = store.holdingCheckouts.indexOf(checkout.id);
  if (at >= 0) store.holdingCheckouts.splice(at, 1);
}

/** Releases the slots of every open checkout whose `expires_at` has passed (no event: expiry is silent). */
export function releaseExpiredCheckouts(state: EngineState): void {
  const { store } = state;
  if (store.holdingCheckouts.length === 0) return;
  const now = state.clock.ms();
  const due = store.holdingCheckouts.filter((id) => (store.checkouts.get(id)?.expiresAt ?? 0) <= now);
  for (const id of due) {
    const checkout = store.checkouts.get(id);
    if (checkout) release(state, checkout);
  }
}
