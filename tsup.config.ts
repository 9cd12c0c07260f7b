import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

// `@vinr/sdk` stays external in every entry so that `@vinr/sdk/mocks` hands out the very
// same `Vinr` and error classes a user imports (one copy, so `instanceof` works).
export default defineConfig({
  // `index` (Node: undici by default) and `edge` (workers, edge runtimes, Deno, Bun, browsers: fetch only, no path to
  // undici) export the same API; package.json `exports` conditions pick one. Built together so that they share
  // one copy of the error classes with `webhooks`.
  entry: {
    index: 'src/node.ts',
    edge: 'src/index.ts',
    webhooks: 'src/webhooks/index.ts',
    mocks: 'mocks/index.ts',
    cli: 'mocks/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', webhooks: 'src/webhooks/index.ts', mocks: 'mocks/index.ts' } },
  target: 'node20',
  platform: 'node',
  // Splitting keeps `import('../schemas/index.js')` a separate chunk in BOTH formats: without it esbuild hoists
  // `import { z } from 'zod'` to the top of the bundle and zod (~90 ms) loads with `require('@vinr/sdk')`.
  // It also lets `@vinr/sdk/webhooks` share the error classes with `@vinr/sdk` instead of copying them.
  splitting: true,
  sourcemap: false,
  clean: true,
  treeshake: true,
  external: ['@vinr/sdk', '@vinr/sdk/webhooks', 'undici', 'zod', 'msw', 'ajv'],
  // The inspector page reads its files next to the bundle (`import.meta.url`, shimmed in the CJS build).
  shims: true,
  async onSuccess() {
    cpSync('mocks/inspector/assets', 'dist/inspector', { recursive: true });
  },
});
