/**
 * The Node entry of `@vinr/sdk` (the `node`, `import` and `require` conditions): the runtime-neutral entry plus
 * the keep-alive undici Agent a client owns by default. Edge, worker, Deno, Bun and browser builds use
 * `index.ts` directly and go through `fetch` instead.
 */
import { provideOwnedAgent } from './core/transport-ref.js';
import { makeOwnedAgent } from './core/undici-agent.js';

provideOwnedAgent(makeOwnedAgent);

export * from './index.js';
export { default } from './index.js';
