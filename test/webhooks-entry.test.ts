import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

const entry = fileURLToPath(new URL('../src/webhooks/index.ts', import.meta.url));

test('@vinr/sdk/webhooks loads neither undici nor zod, and imports no Node module statically', async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  // The bundle really contains the webhook code (so an empty build cannot pass).
  expect(inputs.some((p) => p.endsWith('src/webhooks/hmac-node.ts'))).toBe(true);
  expect(inputs.filter((p) => /node_modules[\\/](undici|zod)[\\/]/.test(p))).toEqual([]);
  expect(inputs.filter((p) => p.includes('node_modules'))).toEqual([]);
  const output = result.outputFiles[0]?.text ?? '';
  expect(output).not.toMatch(/from\s+["'](undici|zod)["']/);
  expect(output).not.toMatch(/require\(["'](undici|zod)["']\)/);
  // No static Node import either, so edge runtimes can load the entry (verifyWebhookAsync needs only WebCrypto).
  expect(output).not.toMatch(/(from\s+|import\(|require\()["']node:/);
});
