// The non-Node runtimes, installed from npm into a cache directory outside the repository (never into its
// devDependencies), keyed by the hash of `runtimes.package.json` so CI installs them once per change of pins.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const manifest = new URL('./runtimes.package.json', import.meta.url);

/** Returns the cache directory holding `node_modules/.bin/{bun,deno,workerd}`, miniflare and edge-runtime. */
export function ensureRuntimes() {
  const text = readFileSync(manifest, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const base = process.env.VINR_RUNTIMES_CACHE ?? join(homedir(), '.cache', 'vinr-sdk-runtimes');
  const dir = join(base, hash);
  const done = join(dir, '.installed');
  if (existsSync(done)) return { dir, installed: false };
  mkdirSync(dir, { recursive: true });
  cpSync(manifest, join(dir, 'package.json'));
  // `allowScripts` in the manifest lets bun, deno, workerd and esbuild fetch their binaries (npm 11 blocks
  // unreviewed install scripts); --foreground-scripts shows their output if a download fails.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const bin of ['bun', 'deno', 'workerd']) {
    if (!existsSync(join(dir, 'node_modules', '.bin', bin))) throw new Error(`${bin} was not installed in ${dir}`);
  }
  writeFileSync(done, `${new Date().toISOString()}\n`);
  return { dir, installed: true };
}
