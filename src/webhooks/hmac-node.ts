/**
 * The synchronous HMAC, on node:crypto. node:crypto is fetched with `process.getBuiltinModule` (Node
 * ≥ 20.16, Bun, Deno) rather than a static import, so that `@vinr/sdk/webhooks` also loads where it does
 * not exist (edge runtimes, workers): there `verifyAsync` (WebCrypto) works and only `verify` refuses.
 */
import type * as NodeCrypto from 'node:crypto';
import { VinrError } from '../core/errors.js';
import type { RawPayload } from './payload.js';
import { noMatchingSignature, type PreparedVerification } from './verification.js';

let loaded: typeof NodeCrypto | undefined;

function nodeCrypto(): typeof NodeCrypto {
  if (loaded !== undefined) return loaded;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: 'node:crypto') => typeof NodeCrypto } }).process;
  const mod = typeof proc?.getBuiltinModule === 'function' ? proc.getBuiltinModule('node:crypto') : undefined;
  if (mod === undefined) {
    throw new VinrError(
      'Synchronous webhook verification needs node:crypto, which this runtime lacks. Use the WebCrypto versions: ' +
        '`await verifyRequest(request, { secret })` with a Fetch Request, or `await verifyAsync(payload, header)`.',
    );
  }
  loaded = mod;
  return mod;
}

const keys = new Map<string, NodeCrypto.KeyObject>();

/** A KeyObject per secret: `createHmac` with one skips re-importing the string key (~9 % of a verify). */
function keyFor(secret: string): NodeCrypto.KeyObject {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= 32) keys.clear(); // a handful of secrets in practice; never an unbounded cache
    key = nodeCrypto().createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

function digest(secret: string, prefix: string, payload: RawPayload): Buffer {
  // One update for text: a concatenated string crosses into C++ once instead of twice.
  const hmac = nodeCrypto().createHmac('sha256', keyFor(secret));
  return (typeof payload === 'string' ? hmac.update(prefix + payload) : hmac.update(prefix).update(payload)).digest();
}

/** Hex HMAC-SHA256 of `<t>.<payload>`: the `v1=` value. */
export function computeSignature(secret: string, timestamp: number | string, payload: RawPayload): string {
  return nodeCrypto().createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex');
}

/** Throws `no_matching_signature` unless one `v1` was made with one of the secrets. Constant-time per comparison. */
export function assertSignedSync(p: PreparedVerification): void {
  if (p.signatures.length === 0) throw noMatchingSignature(p);
  const { timingSafeEqual } = nodeCrypto();
  const candidates = p.signatures.map((hex) => Buffer.from(hex, 'hex'));
  for (const secret of p.secrets) {
    const expected = digest(secret, p.prefix, p.payload);
    for (const candidate of candidates) if (timingSafeEqual(expected, candidate)) return;
  }
  throw noMatchingSignature(p);
}
