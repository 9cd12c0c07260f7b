import type { ClientOptions } from '@vinr/sdk';

/**
 * The two transports every wire-level client test runs over: undici (Node's default) and `fetch` (the default on
 * Bun, Deno, workers and edge runtimes; forced here with the `fetch` option, backed by Node's own global fetch).
 */
export interface TransportCase {
  name: 'undici' | 'fetch';
  options: () => Pick<ClientOptions, 'fetch'>;
}

export const TRANSPORTS: TransportCase[] = [
  { name: 'undici', options: () => ({}) },
  { name: 'fetch', options: () => ({ fetch: (input, init) => globalThis.fetch(input, init) }) },
];
