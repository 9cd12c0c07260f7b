/**
 * Package cost at start-up: cold `require()` and `import()` of the built `@vinr/sdk` entry points beside stripe and
 * openai (and undici and zod, which the SDK loads only on the first request). Each measurement is a fresh
 * `node -e` process; runs are interleaved across targets so that drift on a shared machine hits all of them alike.
 * Two numbers per target: the process's wall time net of the same process loading an empty module, run just
 * before it (median of the paired differences: "net of `node -e 0`", without billing the module loader's first use
 * or the printing to the package), and the time measured inside the process around the `require`/`import` alone.
 *
 *   npx tsx bench/cold-start.ts [--quick] [--runs=N]
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  /** Median over runs of (the process's wall time − that of the same script loading an empty module, run just before), ms. */
  netMs: number;
  /** Median of the time measured in the process around the load alone, ms. */
  inProcessMs: number;
}

export interface ColdResult {
  runs: number;
  /** Wall time of a bare `node -e 0` (`--input-type=module` for import), ms. */
  bareMs: Record<LoadKind, number>;
  /** What loading an empty module costs: wall time over the bare process, and timed in-process, ms. */
  empty: Record<LoadKind, { overBareMs: number; inProcessMs: number }>;
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

/** `node -e` code that loads `specifier` and prints how long the load alone took. */
function script(kind: LoadKind, specifier: string): string[] {
  const spec = JSON.stringify(specifier);
  return kind === 'import'
    ? ['--input-type=module', '-e', `const t=performance.now();await import(${spec});console.log(performance.now()-t)`]
    : ['-e', `const t=performance.now();require(${spec});console.log(performance.now()-t)`];
}

/**
 * The baseline: the same script loading an empty module. Versus a bare `node -e 0` it also pays for printing and
 * for the first use of Node's module loader (several ms for ESM), costs that belong to no package.
 */
const EMPTY: Record<LoadKind, string> = { require: './empty.cjs', import: './empty.mjs' };
const BARE: Record<LoadKind, string[]> = { require: ['-e', '0'], import: ['--input-type=module', '-e', '0'] };

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
  writeFileSync(join(PKG_PROJECT, EMPTY.require), '');
  writeFileSync(join(PKG_PROJECT, EMPTY.import), '');
  const empty = { require: [] as number[], import: [] as number[] };
  const emptyInside = { require: [] as number[], import: [] as number[] };
  const bare = { require: [] as number[], import: [] as number[] };
  const nets = TARGETS.map(() => [] as number[]);
  const insides = TARGETS.map(() => [] as number[]);
  // One warm-up pass fills the OS file cache, so every measured run is equally "cold" for Node only.
  for (const t of TARGETS) once(script(t.kind, t.specifier));
  for (let run = 0; run < options.runs; run++) {
    for (const kind of ['require', 'import'] as const) bare[kind].push(once(BARE[kind]).wall);
    TARGETS.forEach((t, i) => {
      // Paired with an empty-module process run just before it: slow drift of a shared machine cancels out.
      const base = once(script(t.kind, EMPTY[t.kind]));
      const r = once(script(t.kind, t.specifier));
      empty[t.kind].push(base.wall);
      emptyInside[t.kind].push(base.inside);
      nets[i]!.push(r.wall - base.wall);
      insides[i]!.push(r.inside);
    });
  }
  const emptyMs = (kind: LoadKind) => ({
    overBareMs: median(empty[kind]) - median(bare[kind]),
    inProcessMs: median(emptyInside[kind]),
  });
  return {
    runs: options.runs,
    bareMs: { require: median(bare.require), import: median(bare.import) },
    empty: { require: emptyMs('require'), import: emptyMs('import') },
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
  const e = result.empty;
  const base = `node -e 0: ${result.bareMs.require.toFixed(1)} ms; an empty module costs ${e.require.overBareMs.toFixed(1)} ms (require) / ${e.import.overBareMs.toFixed(1)} ms (import) more`;
  return [`${result.runs} runs each, medians; ${base}`, ...lines].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runsArg = process.argv.find((a) => a.startsWith('--runs='))?.slice(7);
  const runs = runsArg ? Number(runsArg) : process.argv.includes('--quick') ? 5 : 21;
  const result = await runColdStart({ runs });
  console.log(`load average: ${result.load}`);
  console.log(formatCold(result));
}
