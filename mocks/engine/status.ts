import type { OfferRecord } from './store.js';

export type OfferStatus = 'draft' | 'active' | 'paused' | 'expired';
export type ExpiredReason = 'ends_at' | 'max_redemptions';

export interface DerivedStatus {
  status: OfferStatus;
  expiredReason: ExpiredReason | null;
}

/**
 * Why a published offer is over at `now`, or null. When both limits are met, the one that happened
 * first wins: a cap reached by a late-reported purchase after `ends_at` still reads `ends_at`.
 * @example
 * ```ts
 * expiryOf(offer, Date.now()); // 'max_redemptions' once the cap is used up
 * ```
 */
export function expiryOf(offer: OfferRecord, now: number): ExpiredReason | null {
  // Once announced, expiry by time is final, even when a test moves the clock back.
  const ended = offer.endsAt !== null && (now >= offer.endsAt || offer.expiryAnnounced);
  if (offer.maxedAt !== null && (!ended || offer.maxedAt < (offer.endsAt as number))) return 'max_redemptions';
  return ended ? 'ends_at' : null;
}

/**
 * Status is derived when read, precedence `expired > paused > draft > active`.
 * An offer that was never published is a draft whatever its window (a past window
 * "is a draft"; publishing it is refused instead).
 * @example
 * ```ts
 * deriveStatus(offer, clock.ms()); // { status: 'active', expiredReason: null }
 * ```
 */
export function deriveStatus(offer: OfferRecord, now: number): DerivedStatus {
  if (offer.publishedAt === null) return { status: 'draft', expiredReason: null };
  const expired = expiryOf(offer, now);
  if (expired) return { status: 'expired', expiredReason: expired };
  if (offer.pausedAt !== null) return { status: 'paused', expiredReason: null };
  if (now < offer.startsAt) return { status: 'draft', expiredReason: null };
  return { status: 'active', expiredReason: null };
}
