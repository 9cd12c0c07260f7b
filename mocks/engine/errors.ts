/**
 * A refusal by the engine. Carries the HTTP status and server code (docs/errors-and-retries.md); the HTTP layer
 * turns it into `{ error: { code, message, param, details } }` and nothing else.
 */
export class EngineError extends Error {
  override name = 'EngineError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { param?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string, param?: string) =>
  new EngineError(404, 'resource_missing', `No such ${what}: '${id}'`, param ? { param } : {});

export const invalid = (param: string, message: string) => new EngineError(400, 'invalid_request', message, { param });

export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new EngineError(409, code, message, details ? { details } : {});

export type LimitName = 'max_redemptions' | 'per_member_limit' | 'time_window';

const LIMIT_MESSAGES: Record<LimitName, string> = {
  max_redemptions: 'This offer has reached its max_redemptions.',
  per_member_limit: 'This member has used this offer per_member_limit times.',
  time_window: 'This offer is outside its time window.',
};

/** 409 `offer_limit_reached` with `details.limit`. */
export const limitReached = (limit: LimitName): EngineError =>
  conflict('offer_limit_reached', LIMIT_MESSAGES[limit], { limit });
