/**
 * Builds `@vinr/sdk` exactly as `npm run build` does (same `tsup.config.ts`, minus declaration files) and installs
 * it under `.vinr-tmp/bench/pkg/node_modules/@vinr/sdk`, so that benchmarks load the built package the way a user's
 * project does — through `node_modules` and the `exports` map — without touching the shared `dist/`.
 * Its dependencies (undici, zod, msw) resolve from the repository's own node_modules further up.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TMP } from './proc.js';

/** The directory a benchmark process should run in to `require('@vinr/sdk')` from the built package. */
export const PKG_PROJECT = join(TMP, 'pkg');
export const PKG_DIR = join(PKG_PROJECT, 'node_modules', '@vinr', 'sdk');

/** `dts: true` also emits the declaration files (slow), for an honest installed size. */
export async function buildPackage(options: { dts?: boolean } = {}): Promise<string> {
  const [{ build }, { default: config }] = await Promise.all([import('tsup'), import('../../tsup.config.js')]);
  if (Array.isArray(config) || typeof config === 'function')
    throw new Error('tsup.config.ts: expected one options object');
  process.chdir(ROOT); // tsup resolves the config's entries against the working directory
  rmSync(PKG_DIR, { recursive: true, force: true });
  mkdirSync(PKG_DIR, { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(PKG_DIR, 'package.json'));
  // The project's own package.json stops Node from resolving `@vinr/sdk` as a self-reference of the repository.
  writeFileSync(join(PKG_PROJECT, 'package.json'), '{ "name": "vinr-bench-project", "private": true }\n');
  await build({ ...config, outDir: join(PKG_DIR, 'dist'), ...(options.dts ? {} : { dts: false }), silent: true });
  return PKG_DIR;
}
