/** HTTP error responses: `APIError` and its subclasses by status and code (docs/errors-and-retries.md). */
import { VinrError } from './errors.js';
/** Fields common to every HTTP error response. */
export interface APIErrorInit {
  /** HTTP status of the response. */
  status: number;
  /** The server's `error.code`. */
  code: string | undefined;
  /** The server's `error.message`. */
  message: string;
  /** The server's `error.param`: the input that was refused. */
  param: string | undefined;
  /** The server's `error.details`. */
  details: Record<string, unknown> | undefined;
  /** `Vinr-Request-Id` of the response. */
  requestId: string | undefined;
  /** Response headers, lower-cased. */
  headers: Record<string, string>;
  /** Attempts made, retries included. */
  attempts: number;
}

/**
 * Any HTTP error response from the API. Subclasses narrow it by status and server code.
 * @example
 * ```ts
 * try { await vinr.engagement.offers.publish('ofr_123'); }
 * catch (err) {
 *   if (err instanceof APIError) console.error(err.status, err.code, err.requestId, err.attempts);
 * }
 * ```
 */
export class APIError extends VinrError {
  override name = 'APIError';
  /** HTTP status of the response. */
  readonly status: number;
  /** The server's machine-readable `error.code`, e.g. `offer_limit_reached`. */
  readonly code: string | undefined;
  /** The refused input, e.g. `incentive.multiplier` (for 400 `invalid_request`). */
  readonly param: string | undefined;
  /** Structured context from the server, e.g. `{ limit: 'per_member_limit' }`. */
  readonly details: Record<string, unknown> | undefined;
  /** `Vinr-Request-Id` of the failing response: quote it to support. */
  readonly requestId: string | undefined;
  /** Response headers, lower-cased. */
  readonly headers: Record<string, string>;
  /** How many attempts were made, retries included. */
  readonly attempts: number;
  constructor(init: APIErrorInit) {
    super(`${init.status}${init.code ? ` ${init.code}` : ''}: ${init.message}`);
    this.status = init.status;
    this.code = init.code;
    this.param = init.param;
    this.details = init.details;
    this.requestId = init.requestId;
    this.headers = init.headers;
    this.attempts = init.attempts;
  }
}

/**
 * 400 `invalid_request`: the server refused the input (`param` names it).
 * @example
 * ```ts
 * err instanceof BadRequestError && console.error(err.param);
 * ```
 */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
/**
 * 401 `authentication_failed`: the secret key is missing, wrong or revoked.
 * @example
 * ```ts
 * if (err instanceof AuthenticationError) throw new Error('check VINR_SECRET_KEY');
 * ```
 */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
/**
 * 403: the key may not perform this request.
 * @example
 * ```ts
 * if (err instanceof PermissionDeniedError) console.error(err.message);
 * ```
 */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
/**
 * 404 `resource_missing`: no object with that id.
 * @example
 * ```ts
 * const offer = await vinr.engagement.offers.retrieve(id).catch((err) => {
 *   if (err instanceof NotFoundError) return null;
 *   throw err;
 * });
 * ```
 */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
/**
 * 409: the request conflicts with the current state (`code` says how, e.g. `invalid_state_transition`).
 * @example
 * ```ts
 * if (err instanceof ConflictError && err.code === 'invalid_state_transition') console.warn(err.message);
 * ```
 */
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
/**
 * 422: well-formed, but refused by a business rule (e.g. `account_not_active`).
 * @example
 * ```ts
 * if (err instanceof UnprocessableEntityError) console.warn(err.code);
 * ```
 */
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
/**
 * 429 `rate_limited`: retried automatically; thrown once `maxRetries` is used up.
 * @example
 * ```ts
 * if (err instanceof RateLimitError) console.warn(`gave up after ${err.attempts} attempts`);
 * ```
 */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
/**
 * 5xx: the server failed; retried automatically, thrown once `maxRetries` is used up.
 * @example
 * ```ts
 * if (err instanceof InternalServerError) console.error(err.requestId);
 * ```
 */
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

/** Which limit refused a redemption. */
export type OfferLimit = 'max_redemptions' | 'per_member_limit' | 'time_window';

/**
 * 409 `offer_limit_reached`: a normal business outcome (the offer is used up for this member, or for everyone).
 * @example
 * ```ts
 * try { await vinr.engagement.offers.activate({ offer: 'ofr_123', account: 'loy_456' }); }
 * catch (err) {
 *   if (err instanceof OfferLimitReachedError) showMember(`Offer no longer available (${err.limit})`);
 *   else throw err;
 * }
 * ```
 */
export class OfferLimitReachedError extends ConflictError {
  override name = 'OfferLimitReachedError';
  /** Which limit refused: `max_redemptions`, `per_member_limit` or `time_window`. */
  readonly limit: OfferLimit;
  constructor(init: APIErrorInit) {
    super(init);
    const limit = init.details?.limit;
    this.limit = limit === 'max_redemptions' || limit === 'per_member_limit' ? limit : 'time_window';
  }
}

/**
 * 422 `offer_not_eligible`: the member fails the offer's targeting.
 * @example
 * ```ts
 * try { await vinr.engagement.offers.activate({ offer: 'ofr_123', account: 'loy_456' }); }
 * catch (err) {
 *   if (err instanceof OfferNotEligibleError) console.log(err.failedConditions); // e.g. ['min_balance']
 * }
 * ```
 */
export class OfferNotEligibleError extends UnprocessableEntityError {
  override name = 'OfferNotEligibleError';
  /** The failing conditions, e.g. `['segments', 'min_balance']`. */
  readonly failedConditions: string[];
  constructor(init: APIErrorInit) {
    super(init);
    const failed = init.details?.failed_conditions;
    this.failedConditions = Array.isArray(failed) ? failed.map(String) : [];
  }
}

/**
 * 409 `checkout_not_open`: the checkout cannot be completed, updated or canceled in its status. For an
 * expired checkout whose slots were taken meanwhile, `lostOffers` lists the offers it lost.
 * @example
 * ```ts
 * try { await vinr.engagement.checkouts.complete('chk_123', { payment_id: 'pay_789' }); }
 * catch (err) {
 *   if (err instanceof CheckoutNotOpenError) console.warn(err.checkoutStatus, err.lostOffers);
 *   else throw err;
 * }
 * ```
 */
export class CheckoutNotOpenError extends ConflictError {
  override name = 'CheckoutNotOpenError';
  /** The checkout's status: `completed`, `canceled` or `expired` (or `open` if the server sent none). */
  readonly checkoutStatus: 'open' | 'completed' | 'canceled' | 'expired';
  /** Offers whose slots an expired checkout could not take again (empty otherwise). */
  readonly lostOffers: string[];
  constructor(init: APIErrorInit) {
    super(init);
    const status = init.details?.status;
    this.checkoutStatus = status === 'completed' || status === 'canceled' || status === 'expired' ? status : 'open';
    const lost = init.details?.lost_offers;
    this.lostOffers = Array.isArray(lost) ? lost.map(String) : [];
  }
}

/**
 * 409 `refund_exceeds_payment`: more than what is left of the payment's charged amount.
 * @example
 * ```ts
 * try {
 *   await vinr.engagement.events.track({ type: 'payment.refunded', account: 'loy_456', payment_id: 'pay_789', refund_id: 're_2' });
 * } catch (err) {
 *   if (err instanceof RefundExceedsPaymentError) console.warn(`only ${err.refundable} left to refund`);
 *   else throw err;
 * }
 * ```
 */
export class RefundExceedsPaymentError extends ConflictError {
  override name = 'RefundExceedsPaymentError';
  /** Minor units still refundable. */
  readonly refundable: number;
  constructor(init: APIErrorInit) {
    super(init);
    const refundable = init.details?.refundable;
    this.refundable = typeof refundable === 'number' ? refundable : 0;
  }
}

/**
 * Maps a status and server code to the most specific class.
 * @internal
 */
export function makeAPIError(init: APIErrorInit): APIError {
  if (init.code === 'offer_limit_reached') return new OfferLimitReachedError(init);
  if (init.code === 'offer_not_eligible') return new OfferNotEligibleError(init);
  if (init.code === 'checkout_not_open') return new CheckoutNotOpenError(init);
  if (init.code === 'refund_exceeds_payment') return new RefundExceedsPaymentError(init);
  switch (init.status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new PermissionDeniedError(init);
    case 404:
      return new NotFoundError(init);
    case 409:
      return new ConflictError(init);
    case 422:
      return new UnprocessableEntityError(init);
    case 429:
      return new RateLimitError(init);
    default:
      return init.status >= 500 ? new InternalServerError(init) : new APIError(init);
  }
}
