import { VinrError, WebhookSignatureError } from '../core/errors.js';
import { parseSignatureHeader, readSignatureHeader, type WebhookHeader } from './header.js';
import { assertRawPayload, type RawPayload } from './payload.js';

/** Options of `verify` / `verifyAsync`. */
export interface VerifyOptions {
  /**
   * The endpoint's `whsec_…` signing secret, used verbatim. Several during a rotation: a signature
   * made with any of them is accepted. Defaults to the client's `webhookSecret`, then `VINR_WEBHOOK_SECRET`.
   */
  secret?: string | readonly string[] | undefined;
  /** Maximum age (and future skew) of the signature's timestamp, in seconds. Default 300. */
  tolerance?: number | undefined;
  /** The current time, for tests: a `Date` or milliseconds since the epoch (like `Date.now()`). */
  now?: Date | number | undefined;
}

/** Everything both HMAC implementations need, checked in the order that avoids needless work. */
export interface PreparedVerification {
  payload: RawPayload;
  /** `<t>.`: the signed content is this prefix followed by the raw body. */
  prefix: string;
  timestamp: number;
  signatures: string[];
  secrets: readonly string[];
  nowSeconds: number;
  tolerance: number;
}

/** Default `tolerance`: a signature older or newer than 300 s is refused. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** `VINR_WEBHOOK_SECRET`, read when needed (not at import), and only where `process` exists. */
export const envSecret = (): string | undefined =>
  typeof process === 'undefined' ? undefined : process.env?.VINR_WEBHOOK_SECRET?.trim() || undefined;

function resolveSecrets(option: VerifyOptions['secret'], fallback: (() => string | undefined) | undefined) {
  const given = option ?? fallback?.() ?? envSecret();
  if (typeof given === 'string' && given.trim() !== '') return [given];
  const list = (typeof given === 'string' ? [given] : (given ?? [])).filter(
    (s) => typeof s === 'string' && s.trim() !== '',
  );
  if (list.length === 0) {
    throw new WebhookSignatureError(
      'no_secret',
      'No webhook signing secret: pass { secret } (the endpoint\'s "whsec_…" secret), set `webhookSecret` on the client, or set VINR_WEBHOOK_SECRET.',
    );
  }
  return list;
}

function nowInSeconds(now: VerifyOptions['now']): number {
  const ms = now === undefined ? Date.now() : now instanceof Date ? now.getTime() : now;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new VinrError('Invalid `now` option: expected a valid Date or milliseconds since the epoch.');
  }
  return Math.floor(ms / 1000);
}

function checkTolerance(tolerance: number | undefined): number {
  if (tolerance === undefined) return DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new VinrError('Invalid `tolerance` option: expected a finite number of seconds ≥ 0.');
  }
  return tolerance;
}

/**
 * Checks the payload first (before the secret is even looked up, so no HMAC work is done on a
 * parsed body), then the header, the options and the secret.
 */
export function prepareVerification(
  payload: unknown,
  header: WebhookHeader,
  options: VerifyOptions | undefined,
  fallbackSecret?: () => string | undefined,
): PreparedVerification {
  assertRawPayload(payload);
  const parsed = parseSignatureHeader(readSignatureHeader(header));
  const tolerance = checkTolerance(options?.tolerance);
  const nowSeconds = nowInSeconds(options?.now);
  const secrets = resolveSecrets(options?.secret, fallbackSecret);
  return {
    payload,
    prefix: `${parsed.timestampText}.`,
    timestamp: parsed.timestamp,
    signatures: parsed.signatures,
    secrets,
    nowSeconds,
    tolerance,
  };
}

function hasSurroundingWhitespace(secrets: readonly string[]): boolean {
  return secrets.some((s) => s !== s.trim());
}

/** The refusal once no signature matched, with hints for the usual mistakes (the secret itself is never shown). */
export function noMatchingSignature(p: PreparedVerification): WebhookSignatureError {
  const hints = [
    'No signature matches the payload. Check that you pass the raw body exactly as received ' +
      '(not re-serialised JSON) and the signing secret of this endpoint.',
  ];
  if (hasSurroundingWhitespace(p.secrets)) {
    hints.push(
      'Hint: the secret has leading or trailing whitespace (often a newline from a .env file or a secret ' +
        'manager). It is used verbatim: trim it.',
    );
  }
  if (p.secrets.some((s) => s.trim().startsWith('sk_'))) {
    hints.push("Hint: the secret looks like an API key (sk_…); use the endpoint's signing secret (whsec_…).");
  }
  if (p.signatures.length === 0) hints.push('The header has no well-formed v1= signature (64 hex characters).');
  return new WebhookSignatureError('no_matching_signature', hints.join(' '));
}

/** Refuses a signature that is older, or further in the future, than the tolerance (checked after the HMAC). */
export function assertFresh(p: PreparedVerification): void {
  const skew = p.nowSeconds - p.timestamp;
  if (Math.abs(skew) > p.tolerance) {
    const when = skew > 0 ? `${skew} s old` : `${-skew} s in the future`;
    throw new WebhookSignatureError(
      'timestamp_out_of_tolerance',
      `The signature timestamp is ${when}, outside the tolerance of ${p.tolerance} s. ` +
        'Replayed deliveries are refused this way; if this is a fresh delivery, check the server clock.',
    );
  }
}
