/** Every code the server refuses with. The HTTP layer gives each its status (`STATUS_OF_CODE` in `mocks/http/respond.ts`). */
export type ErrorCode =
  | 'invalid_request'
  | 'authentication_failed'
  | 'resource_missing'
  | 'offer_limit_reached'
  | 'offer_not_active'
  | 'offer_not_opt_in'
  | 'invalid_state_transition'
  | 'payment_conflict'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_use'
  | 'checkout_not_open'
  | 'refund_exceeds_payment'
  | 'offer_not_eligible'
  | 'account_not_active'
  | 'rate_limited'
  | 'internal_error';

/** What a refusal may carry besides its code and message. */
export interface ErrorExtra {
  /** The parameter at fault. */
  param?: string;
  details?: Record<string, unknown>;
}

/**
 * A refusal by the engine: a code (and param/details), never an HTTP status. The HTTP layer maps the code to
 * its status and shapes `{ error: { code, message, param, details } }`; the engine knows nothing of HTTP.
 */
export class EngineError extends Error {
  override name = 'EngineError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: ErrorExtra = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string, param?: string) =>
  new EngineError('resource_missing', `No such ${what}: '${id}'`, param ? { param } : {});

export const invalid = (param: string, message: string) => new EngineError('invalid_request', message, { param });

export const conflict = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new EngineError(code, message, details ? { details } : {});

export type LimitName = 'max_redemptions' | 'per_member_limit' | 'time_window';

const LIMIT_MESSAGES: Record<LimitName, string> = {
  max_redemptions: 'This offer has reached its max_redemptions.',
  per_member_limit: 'This member has used this offer per_member_limit times.',
  time_window: 'This offer is outside its time window.',
};

/** 409 `offer_limit_reached` with `details.limit`. */
export const limitReached = (limit: LimitName): EngineError =>
  conflict('offer_limit_reached', LIMIT_MESSAGES[limit], { limit });
