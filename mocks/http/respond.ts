import type { z } from 'zod';
import { toIssues } from '../../src/schemas/issues.js';
import { EngineError, type ErrorCode, type ErrorExtra } from '../engine/errors.js';

/**
 * The one place where error responses are shaped and given their status: the pipeline's steps, the routes and
 * the loopback server all build their error bodies here.
 */

let seq = 0;
/** `req_…` ids: unique per process, cheap, and readable in test logs. */
export const requestId = (): string => `req_${Date.now().toString(36)}${(++seq).toString(36).padStart(6, '0')}`;

/** The HTTP status of each code. A code's status never depends on who refused. */
export const STATUS_OF_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_request: 400,
  authentication_failed: 401,
  resource_missing: 404,
  offer_limit_reached: 409,
  offer_not_active: 409,
  offer_not_opt_in: 409,
  invalid_state_transition: 409,
  payment_conflict: 409,
  idempotency_key_reused: 409,
  idempotency_key_in_use: 409,
  checkout_not_open: 409,
  refund_exceeds_payment: 409,
  offer_not_eligible: 422,
  account_not_active: 422,
  rate_limited: 429,
  internal_error: 500,
};

export interface JsonResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown): JsonResult => ({ status: 200, body });

export interface ErrorBody {
  error: { code: ErrorCode; message: string; param?: string; details?: Record<string, unknown> };
}

/** `{ error: { code, message, param?, details? } }`: absent fields are left out, never `null`. */
export function errorBody(code: ErrorCode, message: string, extra: ErrorExtra = {}): ErrorBody {
  const error: ErrorBody['error'] = { code, message };
  if (extra.param !== undefined) error.param = extra.param;
  if (extra.details !== undefined) error.details = extra.details;
  return { error };
}

/**
 * A refusal with the status of its code. `status` overrides it only where HTTP itself decides (405 wrong
 * method, 413 body too large, an injected fault's status); the code stays one the SDK knows.
 */
export function errorResult(code: ErrorCode, message: string, extra: ErrorExtra = {}, status?: number): JsonResult {
  return { status: status ?? STATUS_OF_CODE[code], body: errorBody(code, message, extra) };
}

/** The answer to a path that is no operation of the API, whichever way in it came. */
export const unrecognizedURL = (method: string, path: string): JsonResult =>
  errorResult('resource_missing', `Unrecognized request URL (${method} ${path}).`);

/**
 * The 404 of a request outside the API's base path. A full path without a `/v1` segment usually means a client
 * (curl, another language) whose base URL lacks `/v1`: the message says so.
 */
export function outsideTheAPI(method: string, fullPath: string): JsonResult {
  const result = unrecognizedURL(method, fullPath);
  if (/(^|\/)v1(\/|$)/.test(fullPath)) return result;
  const hint = ' Every API path starts with /v1: use a base URL that ends in /v1.';
  return errorResult('resource_missing', `Unrecognized request URL (${method} ${fullPath}).${hint}`);
}

/** Turns anything a route threw into the error shape; unknown throws are a 500. */
export function fromThrown(e: unknown): JsonResult {
  if (e instanceof EngineError) return errorResult(e.code, e.message, e.extra);
  const message = e instanceof Error ? e.message : String(e);
  return errorResult('internal_error', `The reference server failed: ${message}`);
}

/**
 * A zod refusal as 400 `invalid_request`: `param` names the first failing path, `details.issues` lists them all.
 */
export function invalidInput(error: z.ZodError, what: 'body' | 'query'): EngineError {
  const issues = toIssues(error);
  const param = issues[0]?.path || undefined;
  const message = `Invalid ${what}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`;
  return new EngineError('invalid_request', message, { ...(param ? { param } : {}), details: { issues } });
}
