/**
 * What the package costs on disk and in a bundle, beside stripe and openai:
 * - installed size: the package's published files plus its runtime dependencies, as `npm install` lays them out
 *   (msw, an optional peer needed only by `@vinr/sdk/mocks`, is not counted);
 * - minified + gzipped bundle (esbuild, platform node): the default export with everything it can load, and the
 *   package's own code alone (dependencies external).
 *
 *   npx tsx bench/size.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildPackage, PKG_DIR, PKG_PROJECT } from './support/package.js';
import { ROOT } from './support/proc.js';

export interface SizeRow {
  name: string;
  version: string;
  /** Bytes on disk: the package and its runtime dependencies. */
  installedBytes: number;
  dependencies: string[];
  /** Minified + gzipped, with every dependency bundled. */
  bundleGzipBytes: number;
  /** Minified + gzipped, dependencies left external: the package's own code. */
  ownGzipBytes: number;
}

const dirBytes = (dir: string): number => {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) total += entry.name === 'node_modules' ? 0 : dirBytes(p);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
};

const readJson = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as { version: string; dependencies?: Record<string, string> };

/** Runtime dependencies, transitively, as installed in the repository's node_modules. */
function dependencyClosure(deps: Record<string, string> | undefined, seen = new Set<string>()): Set<string> {
  for (const name of Object.keys(deps ?? {})) {
    if (seen.has(name)) continue;
    seen.add(name);
    dependencyClosure(readJson(join(ROOT, 'node_modules', name, 'package.json')).dependencies, seen);
  }
  return seen;
}

async function gzippedBundle(code: string, external: string[]): Promise<number> {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: { contents: code, resolveDir: PKG_PROJECT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    external,
  });
  return gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length;
}

async function measure(name: string, dir: string, ownFiles: number, code: string): Promise<SizeRow> {
  const pkg = readJson(join(dir, 'package.json'));
  const deps = [...dependencyClosure(pkg.dependencies)];
  const depBytes = deps.reduce((sum, d) => sum + dirBytes(join(ROOT, 'node_modules', d)), 0);
  return {
    name,
    version: pkg.version,
    installedBytes: ownFiles + depBytes,
    dependencies: deps,
    bundleGzipBytes: await gzippedBundle(code, []),
    ownGzipBytes: await gzippedBundle(code, deps),
  };
}

export async function runSize(options: { build?: boolean } = {}): Promise<SizeRow[]> {
  if (options.build !== false) await buildPackage({ dts: true });
  // What `files` publishes: dist/, README.md, CHANGELOG.md, and package.json.
  const published =
    dirBytes(PKG_DIR) + ['README.md', 'CHANGELOG.md'].reduce((s, f) => s + statSync(join(ROOT, f)).size, 0);
  const use = (spec: string) => `import x from '${spec}'; globalThis.__x = x;`;
  return [
    await measure('@vinr/sdk', PKG_DIR, published, use('@vinr/sdk')),
    {
      ...(await measure('@vinr/sdk/webhooks', PKG_DIR, published, `export * from '@vinr/sdk/webhooks';`)),
      installedBytes: Number.NaN, // part of @vinr/sdk's
      dependencies: [], // it imports node:crypto only
    },
    await measure(
      'stripe',
      join(ROOT, 'node_modules/stripe'),
      dirBytes(join(ROOT, 'node_modules/stripe')),
      use('stripe'),
    ),
    await measure(
      'openai',
      join(ROOT, 'node_modules/openai'),
      dirBytes(join(ROOT, 'node_modules/openai')),
      use('openai'),
    ),
  ];
}

export const kb = (bytes: number): string => (Number.isNaN(bytes) ? '—' : `${(bytes / 1024).toFixed(1)} kB`);

export function formatSize(rows: SizeRow[]): string {
  return rows
    .map(
      (r) =>
        `${`${r.name}@${r.version}`.padEnd(28)} installed ${kb(r.installedBytes).padStart(10)}  bundle min+gz ${kb(r.bundleGzipBytes).padStart(9)}  own ${kb(r.ownGzipBytes).padStart(9)}  deps: ${r.dependencies.join(', ') || 'none'}`,
    )
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatSize(await runSize({ build: !process.argv.includes('--no-build') })));
}
