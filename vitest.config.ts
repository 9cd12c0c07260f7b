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
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
