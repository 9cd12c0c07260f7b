import type { EngineState } from './engine-state.js';
import type { OfferRecord } from './records.js';
import { offerJson } from './serialize.js';

export type OfferStatus = 'draft' | 'active' | 'paused' | 'expired';
export type ExpiredReason = 'ends_at' | 'max_redemptions';

export interface DerivedStatus {
  status: OfferStatus;
  expiredReason: ExpiredReason | null;
}

/**
 * Why a published offer is over at `now`, or null. When both limits are met, the one that happened
 * first wins: a cap reached by a late-reported purchase after `ends_at` still reads `ends_at`.
 */
export function expiryOf(offer: OfferRecord, now: number): ExpiredReason | null {
  // Once announced, expiry by time is final, even when a test moves the clock back.
  const ended = offer.endsAt !== null && (now >= offer.endsAt || offer.expiryAnnounced);
  if (offer.maxedAt !== null && (!ended || offer.maxedAt < (offer.endsAt as number))) return 'max_redemptions';
  return ended ? 'ends_at' : null;
}

/**
 * Status is derived when read, precedence `expired > paused > draft > active`. An offer that was
 * never published is a draft whatever its window (publishing a past window is refused instead).
 */
export function deriveStatus(offer: OfferRecord, now: number): DerivedStatus {
  if (offer.publishedAt === null) return { status: 'draft', expiredReason: null };
  const expired = expiryOf(offer, now);
  if (expired) return { status: 'expired', expiredReason: expired };
  if (offer.pausedAt !== null) return { status: 'paused', expiredReason: null };
  if (now < offer.startsAt) return { status: 'draft', expiredReason: null };
  return { status: 'active', expiredReason: null };
}

/** Emits `loyalty.offer.expired`, once per offer. */
export function announceExpiry(state: EngineState, offer: OfferRecord): void {
  if (offer.expiryAnnounced) return;
  offer.expiryAnnounced = true;
  const pending = state.store.pendingExpiry;
  const at = pending.indexOf(offer.id);
  if (at >= 0) pending.splice(at, 1);
  state.events.emit('loyalty.offer.expired', { offer: offerJson(offer, state.clock.ms()) });
}

/**
 * Announces the offers whose `ends_at` has passed. Expiry by time is a consequence of the clock, so
 * it is announced when first observed (see `observeNow`), in `ends_at` order.
 */
export function announceDueExpiries(state: EngineState): void {
  const { pendingExpiry, offers } = state.store;
  if (pendingExpiry.length === 0) return;
  const now = state.clock.ms();
  const due = pendingExpiry
    .map((id) => offers.get(id))
    .filter((o): o is OfferRecord => o !== undefined && expiryOf(o, now) !== null);
  due.sort((a, b) => (a.endsAt ?? 0) - (b.endsAt ?? 0) || a.seq - b.seq);
  for (const offer of due) announceExpiry(state, offer);
}
