/**
 * The fixed cost a test file pays for the reference server (vitest re-imports it in every file): in a fresh
 * process, `import('@vinr/sdk/mocks')` + `createVinrMock()` + the first in-process request through `mock.client()`,
 * against `import('msw')` (msw's main entry) in the same run. Both from the built package, as a user loads them;
 * runs alternate, figures are medians. Goal: ≤ 0.8× msw.
 *
 *   npm run bench:mock-import [-- --runs N]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPackage, PKG_PROJECT } from './support/package.js';
import { loadAverage, median, runNode } from './support/proc.js';

const MOCK = `const t = performance.now();
const { createVinrMock } = await import('@vinr/sdk/mocks');
const mock = createVinrMock();
await mock.client().engagement.loyaltyAccounts.create({ tier: 'gold' });
console.log(performance.now() - t);
`;
const MSW = `const t = performance.now();
await import('msw');
console.log(performance.now() - t);
`;

export interface MockImportResult {
  mock: number;
  msw: number;
  ratio: number;
  runs: number;
  load: string;
}

export async function runMockImportBench(options: { runs?: number; build?: boolean } = {}): Promise<MockImportResult> {
  const runs = options.runs ?? 7;
  if (options.build !== false) await buildPackage();
  const files = { mock: join(PKG_PROJECT, 'mock-import.mjs'), msw: join(PKG_PROJECT, 'msw-import.mjs') };
  writeFileSync(files.mock, MOCK);
  writeFileSync(files.msw, MSW);
  const times = { mock: [] as number[], msw: [] as number[], ratio: [] as number[] };
  // One unmeasured pair warms the file system cache.
  for (let i = -1; i < runs; i++) {
    const m = Number(await runNode([files.mock]));
    const w = Number(await runNode([files.msw]));
    if (i < 0) continue;
    times.mock.push(m);
    times.msw.push(w);
    times.ratio.push(m / w);
  }
  return {
    mock: median(times.mock),
    msw: median(times.msw),
    ratio: median(times.ratio),
    runs,
    load: await loadAverage(),
  };
}

export const formatMockImport = (r: MockImportResult): string =>
  [
    `import + createVinrMock() + first in-process request: ${r.mock.toFixed(0)} ms`,
    `import('msw'):                                         ${r.msw.toFixed(0)} ms`,
    `ratio ${r.ratio.toFixed(2)}× msw (goal ≤ 0.8×), median of ${r.runs} fresh processes each; load average ${r.load}`,
  ].join('\n');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--runs');
  const result = await runMockImportBench({ runs: at > 0 ? Number(process.argv[at + 1]) : 7 });
  console.log(formatMockImport(result));
}
