import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';

// docs/checkout.md promises that its samples run as written, top to bottom: run them, and check what
// they print against the values their comments state.
test('docs/checkout.md samples run as written and print what their comments say', async () => {
  const doc = await readFile(new URL('../docs/checkout.md', import.meta.url), 'utf8');
  const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  expect(blocks.length).toBeGreaterThanOrEqual(5);
  const dir = await mkdtemp(join(tmpdir(), 'vinr-docs-'));
  const file = join(dir, 'checkout-doc.ts');
  await writeFile(file, `${blocks.join('\n')}\nexport {};\n`);
  const printed: unknown[][] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args);
  });
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    log.mockRestore();
    await rm(dir, { recursive: true, force: true });
  }
  expect(printed).toEqual([
    [true, [], { offer: 100, member: 1 }],
    [['Summer 15% off']],
    [1800, 10_200, 120],
    ['open', '2026-06-06T12:15:00.000Z'],
    [1],
    [8500],
    ['completed', 100, 1500],
    ['expired'],
    ['completed'],
    [[['reversal', -50]]],
    [4250, ['reversed']],
    [0],
  ]);
});
