/**
 * The asynchronous HMAC, on WebCrypto (`crypto.subtle`): Node, Deno, Bun, workers and edge runtimes.
 * Importing a key costs about as much as the HMAC itself, so imported keys are cached per secret.
 */
import { VinrError } from '../core/errors.js';
import type { RawPayload } from './payload.js';
import { noMatchingSignature, type PreparedVerification } from './verification.js';

const encoder = new TextEncoder();
/** Small on purpose: a process verifies for a handful of endpoints (two secrets each during a rotation). */
const MAX_CACHED_KEYS = 32;
const keys = new Map<string, Promise<CryptoKey>>();

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new VinrError('verifyAsync needs WebCrypto (globalThis.crypto.subtle), which this runtime lacks.');
  return s;
}

function importKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value as string);
    key = subtle().importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    // A failed import must not poison the cache.
    key.catch(() => keys.delete(secret));
    keys.set(secret, key);
  }
  return key;
}

function signedContent(prefix: string, payload: RawPayload): Uint8Array<ArrayBuffer> {
  if (typeof payload === 'string') return encoder.encode(prefix + payload);
  const head = encoder.encode(prefix);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Compares every byte whatever the first difference, so timing reveals nothing of the expected digest. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/**
 * Throws `no_matching_signature` unless one `v1` was made with one of the secrets. One `subtle.sign`
 * per secret and a constant-time comparison per candidate: `subtle.verify` would cost a WebCrypto job
 * (a thread-pool round trip in Node) per candidate, and is slower than `sign` there.
 */
export async function assertSignedAsync(p: PreparedVerification): Promise<void> {
  const data = signedContent(p.prefix, p.payload);
  const candidates = p.signatures.map(fromHex);
  if (candidates.length === 0) throw noMatchingSignature(p);
  for (const secret of p.secrets) {
    const expected = new Uint8Array(await subtle().sign('HMAC', await importKey(secret), data));
    for (const candidate of candidates) if (constantTimeEqual(expected, candidate)) return;
  }
  throw noMatchingSignature(p);
}
