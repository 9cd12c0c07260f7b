import { VinrError, WebhookSignatureError } from '../core/errors.js';

/** The request body exactly as received: the signature covers these bytes, not a re-serialised object. */
export type RawPayload = string | Uint8Array;

const RAW_BODY_HELP = [
  'Pass the raw request body (string, Buffer or Uint8Array) exactly as received, before any JSON parsing:',
  "  Express:    app.post('/webhooks', express.raw({ type: 'application/json' }), (req, res) => verify(req.body, req.headers))",
  "  Fastify:    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => done(null, body))",
  '  Next.js:    const payload = await req.text(); // in the route handler, before req.json()',
  '  node:http:  collect the chunks — const chunks = []; for await (const c of req) chunks.push(c); Buffer.concat(chunks)',
].join('\n');

function describe(payload: unknown): string {
  if (payload === null || payload === undefined) return String(payload);
  if (Array.isArray(payload)) return 'an array';
  if (typeof payload === 'object') return 'a parsed object';
  return `a ${typeof payload}`;
}

/**
 * A `Uint8Array` (or `Buffer`) from any realm: `instanceof` fails for one made in a `vm` context, a worker
 * or an iframe, although node:crypto and WebCrypto take it like any other.
 */
export const isBytes = (value: unknown): value is Uint8Array =>
  value instanceof Uint8Array ||
  (ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]');

/**
 * Refuses anything that is not the raw body, before any HMAC work: a parsed object can never be
 * verified (key order and whitespace are lost), and hashing `[object Object]` would only mislead.
 */
export function assertRawPayload(payload: unknown): asserts payload is RawPayload {
  if (typeof payload === 'string' || isBytes(payload)) return;
  throw new WebhookSignatureError(
    'payload_not_raw',
    `Webhook payload must be the raw body, got ${describe(payload)}. ${RAW_BODY_HELP}`,
  );
}

const decoder = new TextDecoder();

/** The body as text, for `JSON.parse` after verification. */
export const payloadText = (payload: RawPayload): string =>
  typeof payload === 'string' ? payload : decoder.decode(payload);

/**
 * Parses the verified body, once. Only a sender holding the secret can produce a valid signature over
 * something that is not JSON, so that is a configuration error rather than a forged request.
 */
export function parseEvent<T>(payload: RawPayload): T {
  try {
    return JSON.parse(payloadText(payload)) as T;
  } catch (e) {
    throw new VinrError('The webhook signature is valid but the payload is not JSON.', { cause: e });
  }
}
