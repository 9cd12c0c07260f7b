/**
 * Sentences appended to errors a new user typically hits first, each naming the fix. Kept apart from the
 * request loop: they only read the failure and the base URL, and never the secret key.
 */
import { DEFAULT_BASE_URL } from './options.js';

/** The system error code of a failed connection: undici's own error, or the `cause` of fetch's TypeError. */
function errorCode(cause: unknown): string | undefined {
  for (let e = cause, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as Error).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Why a connection failed and what to change; `''` when there is nothing useful to add. */
export function connectionHint(cause: unknown, baseURL: string): string {
  const code = errorCode(cause);
  if (code === 'ECONNREFUSED') {
    return ` Nothing is listening at ${baseURL}: start the server, or point the client elsewhere with \`baseURL\` or the VINR_BASE_URL environment variable.`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    const hint = ` Could not resolve the host of ${baseURL}: check \`baseURL\` or VINR_BASE_URL.`;
    // The usual cause in tests: msw's setupServer() patches fetch and node:http, not the SDK's undici transport.
    return baseURL === DEFAULT_BASE_URL
      ? `${hint} In tests with @vinr/sdk/mocks, use mock.client(), or pass { dispatcher: mock.dispatcher } (or baseURL: server.baseURL after mock.listen()); msw's setupServer() does not intercept the SDK's own transport.`
      : hint;
  }
  return '';
}

/** Every API path lives under `/v1`: a 404 from a base URL without it is almost always that. */
export function notFoundHint(status: number, baseURL: string): string {
  if (status !== 404) return '';
  const path = new URL(baseURL).pathname.replace(/\/+$/, '');
  return path.endsWith('/v1')
    ? ''
    : ` Hint: the base URL ${baseURL} does not end in /v1; API paths live under it (e.g. ${baseURL}/v1).`;
}
