import { VERSION } from '../version.js';

/**
 * Which JavaScript runtime the SDK runs in: it picks the transport (undici only on Node itself) and names the
 * runtime in the User-Agent. Every probe is a `typeof`/optional read, because workerd has a `process` object
 * without `process.versions`, and browsers, Deno and edge runtimes lack other parts.
 */
export type RuntimeName = 'node' | 'bun' | 'deno' | 'workerd' | 'edge-light' | 'browser' | 'unknown';

export interface RuntimeInfo {
  name: RuntimeName;
  /** Known for Node, Bun and Deno; the others do not expose one. */
  version: string | undefined;
}

interface Probe {
  Bun?: { version?: unknown };
  Deno?: { version?: { deno?: unknown } };
  EdgeRuntime?: unknown;
  navigator?: { userAgent?: unknown };
  process?: { versions?: { node?: unknown } };
  window?: unknown;
  document?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function detectRuntime(g: Probe = globalThis as Probe): RuntimeInfo {
  if (g.Bun !== undefined) return { name: 'bun', version: str(g.Bun?.version) };
  if (g.Deno !== undefined) return { name: 'deno', version: str(g.Deno?.version?.deno) };
  if (g.EdgeRuntime !== undefined) return { name: 'edge-light', version: undefined };
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return { name: 'workerd', version: undefined };
  const node = str(g.process?.versions?.node);
  if (node !== undefined) return { name: 'node', version: node };
  if (looksLikeBrowser(g)) return { name: 'browser', version: undefined };
  return { name: 'unknown', version: undefined };
}

/** `window` and `document` both exist: a browser, or a DOM emulation (jsdom, happy-dom) in a test runner. */
export const looksLikeBrowser = (g: Probe = globalThis as Probe): boolean =>
  typeof g.window !== 'undefined' && typeof g.document !== 'undefined';

/** `<runtime>/<version>`, or the bare name where the runtime exposes no version. */
export function runtimeToken(info: RuntimeInfo = detectRuntime()): string {
  return info.version === undefined ? info.name : `${info.name}/${info.version}`;
}

/** `vinr-sdk/<version> <runtime>/<version>`: `node/20.20.2`, `bun/1.4.5`, `deno/2.9.6`, `workerd`, `edge-light`. */
export const userAgent = (): string => `vinr-sdk/${VERSION} ${runtimeToken()}`;
