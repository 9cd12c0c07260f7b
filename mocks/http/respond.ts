import type { z } from 'zod';
import { toIssues } from '../../src/schemas/issues.js';
import { EngineError } from '../engine/errors.js';

let seq = 0;
/** `req_…` ids: unique per process, cheap, and readable in test logs. */
export const requestId = (): string => `req_${Date.now().toString(36)}${(++seq).toString(36).padStart(6, '0')}`;

export interface JsonResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown): JsonResult => ({ status: 200, body });

export interface ErrorBody {
  error: { code: string; message: string; param?: string; details?: Record<string, unknown> };
}

export function errorResult(
  status: number,
  code: string,
  message: string,
  extra: EngineError['extra'] = {},
): JsonResult {
  const error: ErrorBody['error'] = { code, message };
  if (extra.param !== undefined) error.param = extra.param;
  if (extra.details !== undefined) error.details = extra.details;
  return { status, body: { error } };
}

/** Turns anything a route threw into the error shape `{ error: { code, message, param?, details? } }`; unknown throws are a 500. */
export function fromThrown(e: unknown): JsonResult {
  if (e instanceof EngineError) return errorResult(e.status, e.code, e.message, e.extra);
  const message = e instanceof Error ? e.message : String(e);
  return errorResult(500, 'internal_error', `The reference server failed: ${message}`);
}

/** The error code each refusal was made with, for the request journal (no need to parse the body back). */
const codes = new WeakMap<Response, string>();
/** The error code of a response made by {@link toResponse}, else `null`. */
export const errorCodeOf = (response: Response): string | null => codes.get(response) ?? null;

export function toResponse(result: JsonResult, id: string): Response {
  const response = new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: { 'content-type': 'application/json', 'vinr-request-id': id, ...result.headers },
  });
  if (result.status >= 400) {
    const code = (result.body as Partial<ErrorBody> | null)?.error?.code;
    if (typeof code === 'string') codes.set(response, code);
  }
  return response;
}

/**
 * A zod refusal as 400 `invalid_request`: `param` names the first failing path, `details.issues` lists them all.
 * @example
 * ```ts
 * const r = schema.safeParse(body);
 * if (!r.success) throw invalidInput(r.error, 'body');
 * ```
 */
export function invalidInput(error: z.ZodError, what: 'body' | 'query'): EngineError {
  const issues = toIssues(error);
  const param = issues[0]?.path || undefined;
  const message = `Invalid ${what}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`;
  return new EngineError(400, 'invalid_request', message, { ...(param ? { param } : {}), details: { issues } });
}
