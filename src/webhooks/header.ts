import { WebhookSignatureError } from '../core/errors.js';
import { isBytes } from './payload.js';

/** Name of the HTTP header that carries the signature. */
export const SIGNATURE_HEADER = 'x-vinr-signature';

/** A Node headers record (`req.headers`): values may be repeated. */
export type HeadersRecord = Record<string, string | string[] | undefined>;

/**
 * Where the signature comes from: the header value itself (`req.headers['x-vinr-signature']`, or its bytes as
 * a `Buffer`/`Uint8Array`, read as UTF-8), a repeated header as an array (joined with `,`), a whole Node
 * headers record (`req.headers`), or a Fetch `Headers` (`request.headers` in route handlers).
 */
export type WebhookHeader = string | Uint8Array | readonly string[] | HeadersRecord | Headers | null | undefined;

/** The parts of `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`. */
export interface ParsedSignature {
  /** `t` exactly as sent: the signed content is `<t>.<body>`, so it is never reformatted. */
  timestampText: string;
  timestamp: number;
  /** Every `v1` value that is a well-formed SHA-256 hex digest (others can never match). */
  signatures: string[];
}

const isHeaders = (h: object): h is Headers => typeof (h as Headers).get === 'function';

function fromRecord(record: HeadersRecord): string | readonly string[] | undefined {
  const direct = record[SIGNATURE_HEADER];
  if (direct !== undefined) return direct;
  // Node lower-cases header names, but hand-made records (and some frameworks) keep the sender's case.
  for (const key of Object.keys(record)) if (key.toLowerCase() === SIGNATURE_HEADER) return record[key];
  return undefined;
}

const utf8 = new TextDecoder();

/** Reads the raw header value; throws `missing_header` when there is none. */
export function readSignatureHeader(header: WebhookHeader): string {
  let value: string | readonly string[] | null | undefined;
  if (typeof header === 'string' || header === null || header === undefined) value = header;
  else if (isBytes(header)) value = utf8.decode(header);
  else if (Array.isArray(header)) value = header;
  else if (isHeaders(header as object)) value = (header as Headers).get(SIGNATURE_HEADER);
  else value = fromRecord(header as HeadersRecord);
  // A repeated header arrives as an array; its values are one comma-separated list.
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : '';
  if (text.trim() === '') {
    throw new WebhookSignatureError(
      'missing_header',
      `No ${SIGNATURE_HEADER} header. Pass the header value, or the whole request headers (req.headers / request.headers).`,
    );
  }
  return text;
}

const HEX_DIGEST = /^[0-9a-fA-F]{64}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

function malformed(missing: string): WebhookSignatureError {
  return new WebhookSignatureError(
    'malformed_header',
    `Malformed ${SIGNATURE_HEADER} header: expected "t=<unix seconds>,v1=<hex signature>", found no ${missing}.`,
  );
}

/** The exact shape the API sends outside a rotation: parsed by one regex (faster than split + trims). */
const COMMON_SHAPE = /^t=(\d{1,12}),v1=([0-9a-fA-F]{64})$/;

/**
 * Parses `t=…,v1=…`; throws `malformed_header` when it has no usable `t` or no `v1`. It runs on every
 * delivery next to a few-µs HMAC, hence the fast path for the usual shape.
 */
export function parseSignatureHeader(text: string): ParsedSignature {
  const common = COMMON_SHAPE.exec(text);
  if (common !== null) {
    const timestampText = common[1] as string;
    return { timestampText, timestamp: Number(timestampText), signatures: [common[2] as string] };
  }
  let timestampText: string | undefined;
  const signatures: string[] = [];
  let sawV1 = false;
  let start = 0;
  // The next '=' at or after `start`, remembered across items: searching afresh for each item would scan
  // the rest of the header every time, quadratic on a header of many commas.
  let eq = -1;
  while (start <= text.length) {
    let end = text.indexOf(',', start);
    if (end < 0) end = text.length;
    if (eq < start) {
      eq = text.indexOf('=', start);
      if (eq < 0) eq = Number.POSITIVE_INFINITY;
    }
    if (eq < end) {
      const key = text.slice(start, eq).trim();
      const value = text.slice(eq + 1, end).trim();
      if (key === 'v1') {
        sawV1 = true;
        if (value.length === 64 && HEX_DIGEST.test(value)) signatures.push(value);
      } else if (key === 't' && timestampText === undefined) timestampText = value;
    }
    start = end + 1;
  }
  if (timestampText === undefined || !UNIX_SECONDS.test(timestampText)) throw malformed('valid t=');
  if (!sawV1) throw malformed('v1= signature');
  return { timestampText, timestamp: Number(timestampText), signatures };
}
