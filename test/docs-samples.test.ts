import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createVinrMock } from '@vinr/sdk/mocks';
import { beforeAll, describe, expect, test } from 'vitest';
import { docFiles, extractSamples, fencedBlocks, writeSamples } from '../scripts/samples/extract.mjs';

/**
 * Every ts code block of README.md and docs/*.md, type-checked and (unless tagged check-only) run on Node against
 * a fresh reference server. The fence tags and the server convention are described in scripts/samples/extract.mjs.
 */
const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.vinr-tmp', 'samples');
const RUN_TIMEOUT_MS = 60_000;

const programs = extractSamples(ROOT);
const paths = writeSamples(OUT, programs);
writeFileSync(
  join(OUT, 'tsconfig.json'),
  JSON.stringify({ extends: '../../tsconfig.json', include: ['*.ts'], compilerOptions: { noEmit: true } }),
);

describe('extraction', () => {
  test('reads README.md and every docs/*.md, including docs added later', () => {
    const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
    expect(docFiles(ROOT).map((f) => relative(ROOT, f))).toEqual(['README.md', ...docs.sort().map((f) => `docs/${f}`)]);
    expect(programs.reduce((n, p) => n + p.blocks, 0)).toBeGreaterThanOrEqual(20);
  });

  test('fence tags: ts runs, check-only is only type-checked, continued joins the previous block, others are ignored', () => {
    const md = [
      '```ts',
      'const a = 1;',
      '```',
      '```sh',
      'echo no',
      '```',
      '```ts continued',
      'console.log(a);',
      '```',
      '````ts check-only',
      '```',
      '````',
      '```python',
      'x = 1',
      '```',
    ].join('\n');
    expect(fencedBlocks(md).map((b) => [b.lang, b.modifiers, b.line])).toEqual([
      ['ts', [], 1],
      ['sh', [], 4],
      ['ts', ['continued'], 7],
      ['ts', ['check-only'], 10],
      ['python', [], 13],
    ]);
    expect(fencedBlocks(md)[3]?.code).toBe('```');
  });
});

test('every sample type-checks', { timeout: 180_000 }, async () => {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await run(process.execPath, [tsc, '-p', join(OUT, 'tsconfig.json')], { cwd: ROOT }).then(
    () => '',
    (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
  );
  // Each sample file starts with `// <doc>:<line>`, so an error points back to the markdown.
  expect(result).toBe('');
});

const runnable = programs.map((p, i) => ({ ...p, path: paths[i] as string })).filter((p) => p.mode === 'run');
const BUILT = join(ROOT, '.vinr-tmp', 'samples-built');

/**
 * The runnable samples, compiled in one esbuild pass (as tsx would compile each: same transform, the same
 * tsconfig paths to the sources), so that each run is a plain `node` start rather than a TypeScript loader's.
 * Packages stay external: a sample imports them as a user's program would.
 */
beforeAll(async () => {
  const { build } = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
  const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies }).flatMap(
    (name) => [name, `${name}/*`],
  );
  await build({
    entryPoints: runnable.map((p) => p.path),
    outdir: BUILT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
    external: [...external, 'hono', '@jest/globals'],
  });
}, 60_000);

/**
 * What some programs must print (stdout, line by line), for guides whose comments state the values a reader will
 * see: the comment and the run must agree. Keyed by program id (`<doc>-<n>`, n counting its programs from 1).
 */
const PRINTS: Record<string, string[]> = {
  // docs/checkout.md: eligibility, quote, hold, complete, late payment, refunds — one program, top to bottom.
  'checkout-1': [
    'true [] { offer: 100, member: 1 }',
    "[ 'Summer 15% off' ]",
    '1800 10200 120',
    'open 2026-06-06T12:15:00.000Z',
    '1',
    '8500',
    'completed 100 1500',
    'expired',
    'completed',
    "[ [ 'reversal', -50 ] ]",
    "4250 [ 'reversed' ]",
    '0',
  ],
};

test('every expected output belongs to a runnable sample', () => {
  expect(Object.keys(PRINTS).filter((id) => !runnable.some((p) => p.id === id))).toEqual([]);
});

describe.concurrent('every runnable sample runs against a fresh reference server', () => {
  test.each(runnable.map((p) => [`${p.source}:${p.lines.join(',')}`, p] as const))(
    '%s',
    { timeout: RUN_TIMEOUT_MS + 10_000 },
    async (_where, program) => {
      const mock = createVinrMock();
      const server = await mock.listen();
      try {
        const env: NodeJS.ProcessEnv = { ...process.env };
        for (const name of Object.keys(env)) if (name.startsWith('VINR_')) delete env[name];
        Object.assign(env, {
          VINR_BASE_URL: server.baseURL,
          VINR_SECRET_KEY: mock.secretKey,
          VINR_WEBHOOK_SECRET: mock.webhookSecret,
          VINR_LOG: 'error',
        });
        let stdout = '';
        const built = join(BUILT, `${program.id}.mjs`);
        const outcome = await run(process.execPath, ['--enable-source-maps', built], {
          cwd: ROOT,
          env,
          timeout: RUN_TIMEOUT_MS,
          killSignal: 'SIGKILL',
        }).then(
          (r) => {
            stdout = r.stdout;
            return 'ok';
          },
          (e: { stderr?: string; killed?: boolean }) =>
            e.killed ? `did not finish within ${RUN_TIMEOUT_MS} ms` : (e.stderr ?? String(e)),
        );
        expect(outcome).toBe('ok');
        const expected = PRINTS[program.id];
        if (expected) expect(stdout.trimEnd().split('\n')).toEqual(expected);
      } finally {
        await server.close();
      }
    },
  );
});
