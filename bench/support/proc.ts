/**
 * Process plumbing shared by the benchmarks: bundling a bench script to plain JavaScript (so the measured
 * processes run under bare `node`, with no TypeScript loader in them), running it, and small statistics.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TMP = join(ROOT, '.vinr-tmp', 'bench');

/** Where `@vinr/sdk` comes from in a bundled bench script: the built package (`dist/`) or the sources. */
export type SdkSource = 'dist' | 'src';

/**
 * Bundles `entry` (relative to the repository root) to `.vinr-tmp/bench/<name>.mjs`. Libraries stay external and
 * load from node_modules as a user's would; `@vinr/sdk` is either external (the built package, see
 * support/package.ts, loaded through its `exports` map) or bundled from `src/` (quick mode, no build needed).
 * `alias` maps further modules to files (e.g. another checkout's `@vinr/sdk/mocks`).
 */
export async function bundle(
  entry: string,
  name: string,
  sdk: SdkSource,
  alias: Record<string, string> = {},
): Promise<string> {
  const { build } = await import('esbuild');
  // With `dist`, the script sits in the bench project of support/package.ts, whose node_modules holds the build.
  const dir = sdk === 'dist' ? join(TMP, 'pkg') : TMP;
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    external: [
      'undici',
      'zod',
      'stripe',
      'openai',
      'msw',
      'ajv',
      'ajv/*',
      ...(sdk === 'dist' ? ['@vinr/sdk', '@vinr/sdk/*'] : []),
    ],
    ...(sdk === 'src'
      ? {
          alias: {
            '@vinr/sdk/webhooks': join(ROOT, 'src/webhooks/index.ts'),
            '@vinr/sdk': join(ROOT, 'src/node.ts'),
            ...alias,
          },
        }
      : { alias }),
  });
  return outfile;
}

/** Runs `node <args>` from the repository root; resolves with stdout, rejects with stderr on a non-zero exit. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(out);
      else reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${err.trim()}`));
    });
  });
}

/** Starts a long-lived process and resolves with its first stdout line (parsed as JSON) once it prints it. */
export function startNode<T>(args: string[]): Promise<{ child: ChildProcess; first: T }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    const onData = (c: Buffer) => {
      out += c;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      child.stdout?.off('data', onData);
      resolvePromise({ child, first: JSON.parse(out.slice(0, nl)) as T });
    };
    child.stdout?.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`node ${args.join(' ')} exited early with ${code}`)));
  });
}

/** Median, minimum and maximum of some numbers. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0] ?? Number.NaN, max: s[s.length - 1] ?? Number.NaN };
}

export const median = (values: number[]): number => spread(values).median;

/** The one-minute load average, so that every report says how busy the machine was. */
export async function loadAverage(): Promise<string> {
  const { loadavg, cpus } = await import('node:os');
  return `${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} on ${cpus().length} cores`;
}
