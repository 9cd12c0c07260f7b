import type { EventTrackParams } from '../../src/schemas/activity.js';
import { conflict, invalid } from './errors.js';
import { newId } from './ids.js';
import { baseEarn, multiplierBonus, percentageDiscount } from './incentives.js';
import { announceRedemption, commitRedemption, offerRefusal } from './limits.js';
import { type EngagementEvent, engagementJson } from './serialize.js';
import { type EngineState, findAccount, writePoints } from './state.js';
import type { AccountRecord, OfferRecord, RedemptionRecord } from './store.js';
import { failedConditions } from './targeting.js';

/** Order in which a purchase applies offers: `starts_at`, then `created_at`, then id. */
const byApplicationOrder = (a: OfferRecord, b: OfferRecord): number =>
  a.startsAt - b.startsAt || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What one offer is worth on this purchase; all zero means it does not apply. */
interface Worth {
  points: number;
  discount: number | null;
  reward: string | null;
}

/**
 * Qualifying events: base earn, then every matching offer, each its own atomic
 * check-and-commit. Never fails because an offer could not apply.
 * @example
 * ```ts
 * engine.track({ type: 'payment.completed', account: 'loy_1', payment_id: 'pay_1', amount: 4999, currency: 'eur' });
 * ```
 */
export class TrackService {
  constructor(private readonly state: EngineState) {}

  /**
   * Tracks `payment.completed`. A replayed `payment_id` returns the original result and emits nothing;
   * the same id with another account, amount or currency is 409 `payment_conflict`.
   * @example
   * ```ts
   * track.track({ type: 'payment.completed', account, payment_id: 'pay_1', amount: 1000, currency: 'eur' }).points_earned; // 10
   * ```
   */
  track(params: EventTrackParams): EngagementEvent {
    const { store, clock, earnRate } = this.state;
    const now = clock.ms();
    const occurredAt = params.occurred_at === undefined ? now : Date.parse(params.occurred_at);
    if (occurredAt > now) throw invalid('occurred_at', 'occurred_at cannot be in the future.');
    const currency = params.currency.toLowerCase();

    const priorId = store.payments.get(params.payment_id);
    const prior = priorId === undefined ? undefined : store.engagements.get(priorId);
    // Judged before the account lookup: a used payment_id reported for any other account, even an
    // unknown one, is the 409 `payment_conflict`.
    if (prior) {
      if (prior.account !== params.account || prior.amount !== params.amount || prior.currency !== currency) {
        throw conflict('payment_conflict', `payment_id '${params.payment_id}' was tracked with other details.`, {
          account: prior.account,
          amount: prior.amount,
          currency: prior.currency,
        });
      }
      return engagementJson(store, prior);
    }
    const account = findAccount(this.state, params.account, 'account');

    const balanceBefore = account.balance;
    const pointsTxs: string[] = [];
    const redemptions: RedemptionRecord[] = [];
    const active = account.status === 'active';
    const base = active ? baseEarn(params.amount, earnRate) : 0;
    if (base > 0) pointsTxs.push(writePoints(this.state, account, base, 'earn', null, params.payment_id).id);

    let discounted = 0;
    const announcements: Array<() => void> = [];
    if (active) {
      for (const offer of this.#candidates()) {
        const worth = this.#worth(offer, account, {
          amount: params.amount,
          base,
          discounted,
          occurredAt,
          balanceBefore,
        });
        if (!worth) continue;
        const { redemption, reachedCap } = commitRedemption(this.state, {
          offer,
          account,
          activation: offer.activation === 'opt_in' ? (store.openActivation(offer.id, account.id) ?? null) : null,
          paymentId: params.payment_id,
          ...worth,
        });
        redemptions.push(redemption);
        if (redemption.pointsTx !== null) pointsTxs.push(redemption.pointsTx);
        discounted += worth.discount ?? 0;
        announcements.push(() => announceRedemption(this.state, offer, redemption, reachedCap));
      }
    }
    const record = store.engagements.insert({
      id: newId('eng'),
      seq: store.nextSeq(),
      account: account.id,
      paymentId: params.payment_id,
      amount: params.amount,
      currency,
      occurredAt,
      pointsEarned: base,
      discountAmount: discounted,
      pointsTxs,
      redemptions: redemptions.map((r) => r.id),
      createdAt: now,
    });
    store.payments.set(params.payment_id, record.id);
    for (const announce of announcements) announce();
    return engagementJson(store, record);
  }

  /** Published offers, in application order. */
  #candidates(): OfferRecord[] {
    return this.state.store.offers.rows.filter((o) => o.publishedAt !== null).sort(byApplicationOrder);
  }

  /** The offer's worth on this purchase, or undefined when it does not apply (state, window, eligibility, limit, zero). */
  #worth(
    offer: OfferRecord,
    account: AccountRecord,
    p: { amount: number; base: number; discounted: number; occurredAt: number; balanceBefore: number },
  ): Worth | undefined {
    const { store, clock } = this.state;
    if (offerRefusal(offer, clock.ms(), p.occurredAt)) return undefined;
    const { incentive } = offer;
    if (offer.activation === 'opt_in') {
      // Bonus and gift opt-ins redeem at activation; the others need an open activation.
      if (incentive.type === 'points_bonus' || incentive.type === 'gift_reward') return undefined;
      if (!store.openActivation(offer.id, account.id)) return undefined;
    }
    if (failedConditions(account, offer.targeting, p.balanceBefore).length > 0) return undefined;
    const used = store.usedBy(offer.id, account.id);
    if (used >= offer.perMemberLimit) return undefined;
    // An auto bonus or gift applies on the member's first qualifying purchase in the window only,
    // whatever a larger per_member_limit would allow.
    if ((incentive.type === 'points_bonus' || incentive.type === 'gift_reward') && used > 0) return undefined;
    switch (incentive.type) {
      case 'points_multiplier': {
        const points = multiplierBonus(p.base, incentive.multiplier);
        return points > 0 ? { points, discount: null, reward: null } : undefined;
      }
      case 'percentage_discount': {
        const room = p.amount - p.discounted;
        const discount = percentageDiscount(p.amount, incentive.percent, incentive.max_discount ?? null, room);
        return discount > 0 ? { points: 0, discount, reward: null } : undefined;
      }
      case 'points_bonus':
        return { points: incentive.points, discount: null, reward: null };
      case 'gift_reward':
        return { points: 0, discount: null, reward: incentive.reward };
    }
  }
}
