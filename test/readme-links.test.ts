import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');
const REPO = 'https://github.com/vinr/vinr-sdk-node';

test('README links work for someone who installed from the registry (docs are not in the package)', () => {
  const links = [...read('README.md').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
  expect(links.length).toBeGreaterThan(0);
  const relative = links.filter((l) => !/^(https?:|mailto:|#)/.test(l));
  expect(relative).toEqual([]);
  for (const link of links.filter((l) => l.startsWith(`${REPO}/blob/main/`))) {
    const path = link.slice(`${REPO}/blob/main/`.length).replace(/#.*$/, '');
    expect(read(path).length, link).toBeGreaterThan(0);
  }
});

test('package.json points to the repository and its README', () => {
  const pkg = JSON.parse(read('package.json')) as { repository: { url: string }; homepage: string; files: string[] };
  expect(pkg.repository.url).toBe(`git+${REPO}.git`);
  expect(pkg.homepage).toBe(`${REPO}#readme`);
  expect(pkg.files).toContain('README.md');
});
