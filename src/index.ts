import { Vinr } from './client.js';

export { type Engagement, Vinr } from './client.js';
export type { HttpMethod } from './core/api-client.js';
export {
  APIError,
  type APIErrorInit,
  AuthenticationError,
  BadRequestError,
  CheckoutNotOpenError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  type OfferLimit,
  OfferLimitReachedError,
  OfferNotEligibleError,
  PermissionDeniedError,
  RateLimitError,
  RefundExceedsPaymentError,
  UnprocessableEntityError,
} from './core/api-errors.js';
export { APIPromise, type APIResponseInfo, type WithResponse } from './core/api-promise.js';
export type { RequestEndMessage, RequestStartMessage } from './core/diagnostics.js';
export { isAPIError, isVinrError } from './core/error-guards.js';
export * from './core/errors.js';
export type { Logger, LogLevel } from './core/logger.js';
export type { ClientOptions, RequestOptions } from './core/options.js';
export { type Page, PagePromise } from './core/pagination.js';
export type * from './resources/checkouts.js';
export type * from './resources/engagement-events.js';
export type * from './resources/events.js';
export type * from './resources/loyalty-accounts.js';
export type * from './resources/offers.js';
export type * from './resources/redemptions.js';
export type * from './resources/rewards.js';
export type * from './resources/segments.js';
export type * from './resources/webhook-endpoints.js';
export type { Metadata } from './schemas/common.js';
export { VERSION } from './version.js';
export type * from './webhooks/events.js';
export type { HeadersRecord, WebhookHeader } from './webhooks/header.js';
export type { RawPayload } from './webhooks/payload.js';
export type { Webhooks } from './webhooks/resource.js';
export type { SignOptions } from './webhooks/signing.js';
export type { VerifyOptions } from './webhooks/verification.js';

export default Vinr;
