import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@vinr\/sdk\/mocks$/, replacement: here('./mocks/index.ts') },
      { find: /^@vinr\/sdk\/webhooks$/, replacement: here('./src/webhooks/index.ts') },
      { find: /^@vinr\/sdk$/, replacement: here('./src/node.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Every reference server of the suite checks its responses against openapi.json (and counts them).
    setupFiles: ['test/support/validate-responses.ts'],
    globalSetup: ['test/support/count-validated-responses.ts'],
    testTimeout: 20_000,
    // Worker threads start faster than child processes, and test files share a worker's modules instead of
    // importing the SDK, the engine, msw and zod again for each file (that import was a third of the run).
    // It is safe because every test makes its own reference server and client, and what is global is put back
    // by hooks: the retry clock (support/retry-clock.ts), stubbed env (vi.unstubAllEnvs), msw servers (close()).
    pool: 'threads',
    isolate: false,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
