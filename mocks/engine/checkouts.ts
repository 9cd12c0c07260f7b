import type {
  CheckoutCompleteParams,
  CheckoutCreateParams,
  CheckoutPreviewParams,
  CheckoutStatus,
  CheckoutUpdateParams,
} from '../../src/schemas/checkouts.js';
import { slotReasons } from './eligibility.js';
import { type EngineState, observeNow } from './engine-state.js';
import { conflict } from './errors.js';
import { newId } from './ids.js';
import { findAccount, findCheckout } from './lookup.js';
import { type ListPage, type ListQuery, paginate } from './pagination.js';
import { type AppliedOffer, businessTime, commitPayment, findPayment, paymentConflict } from './payments.js';
import { quotePurchase } from './purchases.js';
import type { AccountRecord, AppliedRecord, CheckoutRecord, OfferRecord } from './records.js';
import { hold, release } from './reservations.js';
import { type Checkout, type CheckoutPreview, checkoutJson, previewJson } from './serialize-checkout.js';

const DEFAULT_TTL_SECONDS = 900;

export interface CheckoutListQuery extends ListQuery {
  account?: string | undefined;
  status?: CheckoutStatus | undefined;
}

/** A checkout's status as read at `now`: an open checkout past `expires_at` is expired. */
export const checkoutStatus = (c: CheckoutRecord, now: number): CheckoutStatus =>
  c.status === 'open' && now >= c.expiresAt ? 'expired' : c.status;

const notOpen = (status: CheckoutStatus, message: string, details: Record<string, unknown> = {}) =>
  conflict('checkout_not_open', message, { status, ...details });

const toApplied = ({ offer, worth }: AppliedOffer): AppliedRecord => ({
  offer: offer.id,
  incentiveType: offer.incentive.type,
  discount: worth.discount,
  points: worth.points > 0 ? worth.points : null,
  reward: worth.reward,
});

/**
 * Checkouts: a quote of a cart (what `payment.completed` of it would apply now) whose offer slots are
 * reserved until it is completed, canceled or expires. Every method is one synchronous step.
 */
export class CheckoutService {
  constructor(private readonly state: EngineState) {}

  #quote(account: AccountRecord, amount: number, now: number) {
    return quotePurchase(this.state, account, amount, { now, at: now });
  }

  /** Quotes the cart and reserves one slot per applied offer, atomically. */
  create(params: CheckoutCreateParams): Checkout {
    const { store } = this.state;
    const now = observeNow(this.state);
    const account = findAccount(this.state, params.account, 'account');
    const quote = this.#quote(account, params.amount, now);
    const checkout = store.checkouts.insert({
      id: newId('chk'),
      seq: store.nextSeq(),
      account: account.id,
      amount: params.amount,
      currency: params.currency.toLowerCase(),
      status: 'open',
      holding: false,
      basePoints: quote.base,
      discountAmount: quote.discount,
      applied: quote.applied.map(toApplied),
      expiresAt: now + (params.ttl_seconds ?? DEFAULT_TTL_SECONDS) * 1000,
      paymentId: null,
      engagement: null,
      metadata: structuredClone(params.metadata ?? {}),
      createdAt: now,
      completedAt: null,
      canceledAt: null,
    });
    hold(this.state, checkout);
    return checkoutJson(store, checkout, now);
  }

  /** The same quote as `create`, stored nowhere and holding nothing. */
  preview(params: CheckoutPreviewParams): CheckoutPreview {
    const now = observeNow(this.state);
    const account = findAccount(this.state, params.account, 'account');
    const quote = this.#quote(account, params.amount, now);
    return previewJson({
      account: account.id,
      amount: params.amount,
      currency: params.currency.toLowerCase(),
      base: quote.base,
      discount: quote.discount,
      applied: quote.applied.map(toApplied),
    });
  }

  retrieve(id: string): Checkout {
    const now = observeNow(this.state);
    return checkoutJson(this.state.store, findCheckout(this.state, id), now);
  }

  /** Newest first, by account and/or status (as read now). */
  list(query: CheckoutListQuery = {}): ListPage<Checkout> {
    const { store } = this.state;
    const now = observeNow(this.state);
    const account = query.account === undefined ? undefined : findAccount(this.state, query.account, 'account').id;
    const status = query.status;
    return paginate(
      store.checkouts.rows,
      query,
      (id) => store.checkouts.position(id),
      (c) => checkoutJson(store, c, now),
      account === undefined && status === undefined
        ? undefined
        : (c) =>
            (account === undefined || c.account === account) &&
            (status === undefined || checkoutStatus(c, now) === status),
    );
  }

  /**
   * Changes an open checkout. With `amount` it re-quotes in one step: its own slots count as free for
   * it (so a member whose cart changed keeps them), offers that no longer apply release theirs.
   */
  update(id: string, params: CheckoutUpdateParams): Checkout {
    const { store } = this.state;
    const now = observeNow(this.state);
    const checkout = findCheckout(this.state, id);
    const status = checkoutStatus(checkout, now);
    if (status !== 'open') throw notOpen(status, `Only an open checkout can be updated; this one is ${status}.`);
    if (params.amount !== undefined) {
      const account = findAccount(this.state, checkout.account, 'account');
      release(this.state, checkout);
      const quote = this.#quote(account, params.amount, now);
      checkout.amount = params.amount;
      checkout.basePoints = quote.base;
      checkout.discountAmount = quote.discount;
      checkout.applied = quote.applied.map(toApplied);
      hold(this.state, checkout);
    }
    if (params.metadata !== undefined) checkout.metadata = structuredClone(params.metadata);
    return checkoutJson(store, checkout, now);
  }

  /**
   * Commits exactly the quote, as a payment `payment_id`. An expired checkout still completes when
   * every applied offer's slot can be taken again now; otherwise nothing is written and the 409
   * lists the lost offers. Completing again with the same `payment_id` returns it unchanged.
   */
  complete(id: string, params: CheckoutCompleteParams): Checkout {
    const { store } = this.state;
    const now = observeNow(this.state);
    const checkout = findCheckout(this.state, id);
    const at = businessTime(params.occurred_at, now);
    const prior = findPayment(this.state, params.payment_id);
    if (prior && prior.checkout !== checkout.id) {
      throw paymentConflict(prior, `payment_id '${params.payment_id}' is already used by another payment.`);
    }
    const status = checkoutStatus(checkout, now);
    if (status === 'completed') {
      if (checkout.paymentId === params.payment_id) return checkoutJson(store, checkout, now);
      throw notOpen(status, `This checkout was already completed with payment_id '${checkout.paymentId}'.`);
    }
    if (status === 'canceled') throw notOpen(status, 'A canceled checkout cannot be completed.');
    const offers = checkout.applied.map((a) => store.offers.get(a.offer) as OfferRecord);
    // Not holding while open only if a test moved the clock back past its expiry: it must retake its slots too.
    if (status === 'expired' || !checkout.holding) {
      const lost = offers.filter((o) => slotReasons(store, o, checkout.account).length > 0).map((o) => o.id);
      if (lost.length > 0) {
        throw notOpen('expired', `This checkout expired and its slots of ${lost.join(', ')} were taken meanwhile.`, {
          lost_offers: lost,
        });
      }
    }
    release(this.state, checkout);
    const account = findAccount(this.state, checkout.account, 'account');
    const payment = commitPayment(this.state, {
      account,
      paymentId: params.payment_id,
      amount: checkout.amount,
      currency: checkout.currency,
      occurredAt: at,
      base: checkout.basePoints,
      applied: checkout.applied.map((a, i) => ({
        offer: offers[i] as OfferRecord,
        worth: { points: a.points ?? 0, discount: a.discount, reward: a.reward },
      })),
      checkout: checkout.id,
    });
    checkout.status = 'completed';
    checkout.paymentId = params.payment_id;
    checkout.completedAt = now;
    checkout.engagement = payment.id;
    return checkoutJson(store, checkout, now);
  }

  /** Releases an open checkout's slots. Canceled or expired: returned unchanged; completed: 409. */
  cancel(id: string): Checkout {
    const { store } = this.state;
    const now = observeNow(this.state);
    const checkout = findCheckout(this.state, id);
    const status = checkoutStatus(checkout, now);
    if (status === 'completed') throw notOpen(status, 'A completed checkout cannot be canceled; refund it instead.');
    if (status === 'open') {
      release(this.state, checkout);
      checkout.status = 'canceled';
      checkout.canceledAt = now;
    }
    return checkoutJson(store, checkout, now);
  }
}
