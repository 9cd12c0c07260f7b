/**
 * The error hierarchy of SPEC §6. Every class sets `name`, so the `is…` guards below work across
 * realms and duplicated copies of the package, where `instanceof` would not.
 */

/** Base class of every error the SDK throws; also thrown for bad client configuration. */
export class VinrError extends Error {
  override name = 'VinrError';
}

/** One rejected input path, as reported by {@link VinrValidationError}. */
export interface ValidationIssue {
  /** Dotted path of the failing field, e.g. `incentive.multiplier`; empty for the whole input. */
  path: string;
  message: string;
}

/**
 * Input refused before anything was sent. Lists every failing path.
 * @example
 * ```ts
 * try { await vinr.engagement.offers.create({ name: '' } as never); }
 * catch (e) { if (e instanceof VinrValidationError) console.log(e.issues); }
 * ```
 */
export class VinrValidationError extends VinrError {
  override name = 'VinrValidationError';
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[], context?: string) {
    const list = issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
    super(`${context ? `${context}: ` : ''}invalid input — ${list}`);
    this.issues = issues;
  }
}

/** Fields common to every HTTP error response. */
export interface APIErrorInit {
  status: number;
  code: string | undefined;
  message: string;
  param: string | undefined;
  details: Record<string, unknown> | undefined;
  requestId: string | undefined;
  headers: Record<string, string>;
  attempts: number;
}

/** Any HTTP error response from the API. */
export class APIError extends VinrError {
  override name = 'APIError';
  readonly status: number;
  /** The server's machine-readable `error.code`, e.g. `offer_limit_reached`. */
  readonly code: string | undefined;
  readonly param: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  /** `Vinr-Request-Id` of the failing response: quote it to support. */
  readonly requestId: string | undefined;
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

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

/** Which limit refused a redemption. */
export type OfferLimit = 'max_redemptions' | 'per_member_limit' | 'time_window';

/** 409 `offer_limit_reached`: a normal business outcome (the offer is used up for this member, or for everyone). */
export class OfferLimitReachedError extends ConflictError {
  override name = 'OfferLimitReachedError';
  readonly limit: OfferLimit;
  constructor(init: APIErrorInit) {
    super(init);
    const limit = init.details?.limit;
    this.limit = limit === 'max_redemptions' || limit === 'per_member_limit' ? limit : 'time_window';
  }
}

/** 422 `offer_not_eligible`: the member fails the offer's targeting. */
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

/** No response was received (DNS, refused or reset connection, …). */
export class APIConnectionError extends VinrError {
  override name = 'APIConnectionError';
  /** How many attempts were made, retries included. */
  attempts = 1;
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An attempt exceeded its `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor(message = 'Request timed out.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The caller's `signal` aborted the request (or the wait before a retry). */
export class APIUserAbortError extends APIConnectionError {
  override name = 'APIUserAbortError';
  constructor(message = 'Request was aborted.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Why {@link WebhookSignatureError} was thrown. */
export type WebhookSignatureErrorReason =
  | 'missing_header'
  | 'malformed_header'
  | 'no_matching_signature'
  | 'timestamp_out_of_tolerance'
  | 'payload_not_raw'
  | 'no_secret';

/** A webhook payload could not be verified. Never trust the payload when this is thrown. */
export class WebhookSignatureError extends VinrError {
  override name = 'WebhookSignatureError';
  readonly reason: WebhookSignatureErrorReason;
  constructor(reason: WebhookSignatureErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

const hasName = (e: unknown, names: readonly string[]): boolean =>
  typeof e === 'object' && e !== null && names.includes((e as { name?: unknown }).name as string);

const API_ERROR_NAMES = [
  'APIError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'UnprocessableEntityError',
  'RateLimitError',
  'InternalServerError',
  'OfferLimitReachedError',
  'OfferNotEligibleError',
] as const;

/** True for any error thrown by this SDK, even from another copy of the package. */
export const isVinrError = (e: unknown): e is VinrError =>
  e instanceof VinrError ||
  hasName(e, [
    'VinrError',
    'VinrValidationError',
    'APIConnectionError',
    'APIConnectionTimeoutError',
    'APIUserAbortError',
    'WebhookSignatureError',
    ...API_ERROR_NAMES,
  ]);

/** True for an HTTP error response. */
export const isAPIError = (e: unknown): e is APIError => e instanceof APIError || hasName(e, API_ERROR_NAMES);

/** Maps a status and server code to the most specific class. */
export function makeAPIError(init: APIErrorInit): APIError {
  if (init.code === 'offer_limit_reached') return new OfferLimitReachedError(init);
  if (init.code === 'offer_not_eligible') return new OfferNotEligibleError(init);
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
