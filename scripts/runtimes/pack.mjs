// One pack of the package and one consumer project installed from it, for every check that must see the package
// as a user gets it. Kept to two functions so that other matrix scripts can share them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const newestMtime = (dir) => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
};

/** Builds `dist/` unless it is newer than every source file, then packs it once into `outDir`. Returns the tarball. */
export function packOnce(root, outDir) {
  const built = (() => {
    try {
      return statSync(join(root, 'dist', 'index.js')).mtimeMs;
    } catch {
      return 0;
    }
  })();
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'mocks')));
  if (built < sources) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], { cwd: root, encoding: 'utf8' });
  return join(outDir, out.trim().split('\n').at(-1));
}

/** A project outside the repository with `@vinr/sdk` installed from the tarball (and nothing from our node_modules). */
export function consumerFixture(tarball, dir, extraDependencies = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pkg = {
    name: 'vinr-sdk-consumer',
    private: true,
    type: 'module',
    dependencies: { '@vinr/sdk': `file:${tarball}`, ...extraDependencies },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}
