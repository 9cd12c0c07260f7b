/**
 * Type guards that match by `name`, so they work across realms and duplicated copies of the package,
 * where `instanceof` would not.
 */
import { APIError } from './api-errors.js';
import { VinrError } from './errors.js';

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

/**
 * True for any error thrown by this SDK, even from another copy of the package.
 * @example
 * ```ts
 * if (isVinrError(err)) console.error(err.name, err.message);
 * ```
 */
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

/**
 * True for an HTTP error response (any {@link APIError} subclass), even from another copy of the package.
 * @example
 * ```ts
 * if (isAPIError(err) && err.status === 409) console.warn(err.code);
 * ```
 */
export const isAPIError = (e: unknown): e is APIError => e instanceof APIError || hasName(e, API_ERROR_NAMES);
