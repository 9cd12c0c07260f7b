// Node binaries for the matrix, from npm (the `node-<platform>-<arch>` packages the `node` package itself uses),
// installed into a cache folder outside the repository so they never become dependencies of the project.
// Cache: $VINR_MATRIX_CACHE, default <os tmpdir>/vinr-matrix-cache (reused across runs; npm's own cache makes a
// re-install after a wipe take seconds). Delete a `node<major>` folder there to pick up a newer release of that line.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './pack.mjs';

export const cacheDir = process.env.VINR_MATRIX_CACHE ?? join(tmpdir(), 'vinr-matrix-cache');
const major = (version) => Number(/^v?(\d+)/.exec(version)?.[1]);

/**
 * The path of a Node `wanted` (major) binary, and its exact version. The Node running this script is used when it
 * is already that major; otherwise `node-<platform>-<arch>@<wanted>` is installed once into the cache.
 */
export function nodeBinary(wanted) {
  if (major(process.version) === wanted) return { node: process.execPath, version: process.version, source: 'host' };
  if (process.platform === 'win32') throw new Error('the Node matrix runs on Linux and macOS only');
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(cacheDir, `node${wanted}`);
  const node = join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (!existsSync(node)) {
    run('npm', [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--no-save',
      '--prefix',
      prefix,
      `${pkg}@${wanted}`,
    ]);
  }
  const version = run(node, ['-v']).trim();
  if (major(version) !== wanted) throw new Error(`${node} is ${version}, expected Node ${wanted}`);
  return { node, version, source: `npm ${pkg}@${wanted}` };
}
