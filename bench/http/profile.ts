/**
 * Where a request's CPU goes: each variant's measured requests (not start-up, not warm-up) are profiled with V8's
 * sampling profiler, and self time is grouped into buckets (SDK code, undici, Node.js internals, JSON, socket
 * writes, GC…), in µs per request. The SDK minus the bare `dispatch` floor is the SDK's own cost, line by line.
 *
 *   npx tsx bench/http/profile.ts [--sdk=src|dist]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPackage } from '../support/package.js';
import { bundle, runNode, type SdkSource, startNode, TMP } from '../support/proc.js';
import type { Variant } from './variants.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export const BUCKETS = [
  '@vinr/sdk',
  'undici',
  'Node.js streams',
  'Node.js timers, events, promises',
  'Node.js net and other internals',
  'JSON.parse / stringify',
  'socket writes (native)',
  'garbage collector',
  'other native / V8',
  'bench harness',
] as const;
export type Bucket = (typeof BUCKETS)[number];

function bucketOf(frame: ProfileNode['callFrame']): Bucket | undefined {
  const { url, functionName: fn } = frame;
  if (fn === '(idle)') return undefined;
  if (fn === '(garbage collector)') return 'garbage collector';
  if (url.includes('/@vinr/sdk/') || url.includes('/src/core/') || url.includes('/src/resources/')) return '@vinr/sdk';
  if (url.includes('/node_modules/undici/') || url.includes('node:internal/deps/undici')) return 'undici';
  if (url.startsWith('node:internal/streams') || url === 'node:stream') return 'Node.js streams';
  if (/^node:(internal\/)?(timers|events|event_target|process\/task_queues|async_hooks)/.test(url)) {
    return 'Node.js timers, events, promises';
  }
  if (url.startsWith('node:')) return 'Node.js net and other internals';
  if (url.includes('http-client')) return 'bench harness';
  if (fn === 'parse' || fn === 'stringify') return 'JSON.parse / stringify';
  if (/^write(Latin1|Utf8|Buffer|v)String|^writev$|^writeBuffer$/.test(fn)) return 'socket writes (native)';
  return 'other native / V8';
}

/** Self time per bucket, in µs per request. */
export function breakdown(profile: CpuProfile, requests: number): Record<Bucket, number> {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const out = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id);
    const bucket = frame && bucketOf(frame);
    if (bucket) out[bucket] += (profile.timeDeltas[i] ?? 0) / requests;
  });
  return out;
}

export interface ProfileResult {
  variants: Variant[];
  conc: number;
  count: number;
  byVariant: Record<string, Record<Bucket, number>>;
}

export async function runProfile(options: {
  variants: Variant[];
  conc: number;
  count: number;
  sdk: SdkSource;
  build?: boolean;
}): Promise<ProfileResult> {
  if (options.sdk === 'dist' && options.build !== false) await buildPackage();
  const serverFile = await bundle('bench/http/server.ts', 'http-server', options.sdk);
  const clientFile = await bundle('bench/http/client.ts', `http-client-${options.sdk}`, options.sdk);
  const { child, first } = await startNode<{ port: number }>([serverFile]);
  const byVariant: ProfileResult['byVariant'] = {};
  try {
    for (const variant of options.variants) {
      const file = join(TMP, `profile-${variant}.cpuprofile`);
      const args = {
        variant,
        port: first.port,
        conc: options.conc,
        warmup: 2_000,
        count: options.count,
        profile: file,
      };
      await runNode([clientFile, JSON.stringify(args)]);
      byVariant[variant] = breakdown(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, options.count);
    }
  } finally {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
  }
  return { variants: options.variants, conc: options.conc, count: options.count, byVariant };
}

export function formatProfile(result: ProfileResult): string {
  const head = `${'µs per request (self time)'.padEnd(34)}${result.variants.map((v) => v.padStart(10)).join('')}`;
  const rows = [...BUCKETS, 'total' as const].map((b) => {
    const cells = result.variants.map((v) => {
      const m = result.byVariant[v]!;
      const value = b === 'total' ? Object.values(m).reduce((s, x) => s + x, 0) : m[b];
      return value.toFixed(1).padStart(10);
    });
    return `${b.padEnd(34)}${cells.join('')}`;
  });
  return [head, ...rows].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sdk: SdkSource = process.argv.includes('--sdk=src') ? 'src' : 'dist';
  const result = await runProfile({ variants: ['dispatch', 'sdk', 'undici'], conc: 32, count: 20_000, sdk });
  console.log(`conc ${result.conc}, ${result.count} requests each`);
  console.log(formatProfile(result));
}
