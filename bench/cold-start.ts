/**
 * Package cost at start-up: cold `require()` and `import()` of the built `@vinr/sdk` entry points beside stripe and
 * openai (and undici and zod, which the SDK loads only on the first request). Each measurement is a fresh
 * `node -e` process; runs are interleaved across targets so that drift on a shared machine hits all of them alike.
 * Two numbers per target: the process's wall time net of an empty `node -e 0` run just before it (the issue's
 * definition; median of the paired differences), and the time measured inside the process around the
 * `require`/`import` alone (less noisy).
 *
 *   npx tsx bench/cold-start.ts [--quick] [--runs=N]
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { buildPackage, PKG_PROJECT } from './support/package.js';
import { loadAverage, median } from './support/proc.js';

export type LoadKind = 'require' | 'import';

export interface ColdTarget {
  specifier: string;
  kind: LoadKind;
  /** Shown in the report: why this row is there. */
  note?: string;
}

export interface ColdRow extends ColdTarget {
  /** Median over runs of (the process's wall time − an empty process's of the same kind, run just before), ms. */
  netMs: number;
  /** Median of the time measured in the process around the load alone, ms. */
  inProcessMs: number;
}

export interface ColdResult {
  runs: number;
  baselineMs: Record<LoadKind, number>;
  load: string;
  rows: ColdRow[];
}

const both = (specifier: string, note?: string): ColdTarget[] =>
  (['require', 'import'] as const).map((kind) => (note ? { specifier, kind, note } : { specifier, kind }));

export const TARGETS: ColdTarget[] = [
  ...both('@vinr/sdk'),
  ...both('@vinr/sdk/webhooks'),
  ...both('@vinr/sdk/mocks', 'loads msw, undici and zod: a test-time dependency'),
  ...both('stripe'),
  ...both('openai'),
  ...both('undici', 'loaded by the SDK on the first request'),
  ...both('zod', 'loaded by the SDK on the first validated call'),
];

/** `node -e` code that loads the target and prints how long the load alone took. */
function script(target: ColdTarget | { kind: LoadKind; specifier?: undefined }): string[] {
  if (!target.specifier) return target.kind === 'import' ? ['--input-type=module', '-e', '0'] : ['-e', '0'];
  const spec = JSON.stringify(target.specifier);
  return target.kind === 'import'
    ? ['--input-type=module', '-e', `const t=performance.now();await import(${spec});console.log(performance.now()-t)`]
    : ['-e', `const t=performance.now();require(${spec});console.log(performance.now()-t)`];
}

/** Runs one fresh process; returns its wall time and the in-process time it printed (ms). */
function once(args: string[]): { wall: number; inside: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: PKG_PROJECT, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${r.stderr}`);
  return { wall, inside: Number(r.stdout.trim() || 0) };
}

export async function runColdStart(options: { runs: number; build?: boolean }): Promise<ColdResult> {
  if (options.build !== false) await buildPackage();
  const bases = { require: [] as number[], import: [] as number[] };
  const nets = TARGETS.map(() => [] as number[]);
  const insides = TARGETS.map(() => [] as number[]);
  // One warm-up pass fills the OS file cache, so every measured run is equally "cold" for Node only.
  for (const t of TARGETS) once(script(t));
  for (let run = 0; run < options.runs; run++) {
    TARGETS.forEach((t, i) => {
      // Paired with an empty process run just before it: slow drift of a shared machine cancels out.
      const base = once(script({ kind: t.kind })).wall;
      const r = once(script(t));
      bases[t.kind].push(base);
      nets[i]!.push(r.wall - base);
      insides[i]!.push(r.inside);
    });
  }
  const baselineMs = { require: median(bases.require), import: median(bases.import) };
  return {
    runs: options.runs,
    baselineMs,
    load: await loadAverage(),
    rows: TARGETS.map((t, i) => ({
      ...t,
      netMs: median(nets[i]!),
      inProcessMs: median(insides[i]!),
    })),
  };
}

export function formatCold(result: ColdResult): string {
  const lines = result.rows.map(
    (r) =>
      `${`${r.kind}('${r.specifier}')`.padEnd(30)} ${r.netMs.toFixed(1).padStart(7)} ms net ${r.inProcessMs.toFixed(1).padStart(7)} ms in-process`,
  );
  const base = `baseline: node -e 0 ${result.baselineMs.require.toFixed(1)} ms, --input-type=module ${result.baselineMs.import.toFixed(1)} ms`;
  return [`${result.runs} runs each, medians; ${base}`, ...lines].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runsArg = process.argv.find((a) => a.startsWith('--runs='))?.slice(7);
  const runs = runsArg ? Number(runsArg) : process.argv.includes('--quick') ? 5 : 21;
  const result = await runColdStart({ runs });
  console.log(`load average: ${result.load}`);
  console.log(formatCold(result));
}
