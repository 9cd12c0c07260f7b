/**
 * The SDK-side errors (docs/api.md, "Errors"): the base class, validation, connection, abort and webhook signature.
 * HTTP error responses are in api-errors.ts. Every class sets `name`, so the `is…` guards of error-guards.ts
 * work across realms and duplicated copies of the package, where `instanceof` would not.
 */

/**
 * Base class of every error the SDK throws; also thrown for bad client configuration.
 * @example
 * ```ts
 * try { await vinr.engagement.offers.retrieve('ofr_123'); }
 * catch (err) { if (err instanceof VinrError) console.error(err.name, err.message); }
 * ```
 */
export class VinrError extends Error {
  /** The class name, set on every subclass so guards work across package copies. */
  override name = 'VinrError';
}

/** One rejected input path, as reported by {@link VinrValidationError}. */
export interface ValidationIssue {
  /** Dotted path of the failing field, e.g. `incentive.multiplier`; empty for the whole input. */
  path: string;
  /** What is wrong with the value at `path`. */
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
  /** Every failing input path, not only the first. */
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[], context?: string) {
    const list = issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
    super(`${context ? `${context}: ` : ''}invalid input — ${list}`);
    this.issues = issues;
  }
}

/**
 * No response was received (DNS, refused or reset connection, …), after every retry.
 * @example
 * ```ts
 * try { await vinr.engagement.offers.list(); }
 * catch (err) { if (err instanceof APIConnectionError) console.error('VINR unreachable', err.cause); }
 * ```
 */
export class APIConnectionError extends VinrError {
  override name = 'APIConnectionError';
  /** How many attempts were made, retries included. */
  attempts = 1;
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * An attempt exceeded its `timeout` (and so did every retry).
 * @example
 * ```ts
 * await vinr.engagement.offers.list({}, { timeout: 5_000 }).catch((err) => {
 *   if (err instanceof APIConnectionTimeoutError) console.warn('slow network');
 * });
 * ```
 */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor(message = 'Request timed out.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The caller's `signal` aborted the request (or the wait before a retry).
 * @example
 * ```ts
 * const controller = new AbortController();
 * const pending = vinr.engagement.offers.retrieve('ofr_123', { signal: controller.signal });
 * controller.abort();
 * await pending.catch((err) => console.log(err instanceof APIUserAbortError)); // true
 * ```
 */
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

/**
 * A webhook payload could not be verified. Never trust the payload when this is thrown.
 * @example
 * ```ts
 * try { event = vinr.webhooks.verify(rawBody, req.headers['x-vinr-signature']); }
 * catch (err) {
 *   if (err instanceof WebhookSignatureError) return res.status(400).send(err.reason);
 *   throw err;
 * }
 * ```
 */
export class WebhookSignatureError extends VinrError {
  override name = 'WebhookSignatureError';
  /** Why verification failed, e.g. `payload_not_raw` or `timestamp_out_of_tolerance`. */
  readonly reason: WebhookSignatureErrorReason;
  constructor(reason: WebhookSignatureErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
