import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a TypeScript program for a plain `node` start (as tsup bundles the bin): `entry` is a file, or
 * `contents` the program itself, resolved from the repository root. Runtime packages stay external.
 */
export async function bundleForNode(input: { entry: string } | { contents: string }, outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    ...('entry' in input
      ? { entryPoints: [input.entry] }
      : { stdin: { contents: input.contents, resolveDir: ROOT, loader: 'ts' as const } }),
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    external: ['undici', 'zod', 'msw'],
  });
}
