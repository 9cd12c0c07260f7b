import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const gitGrep = (...args: string[]) => {
  const r = spawnSync('git', ['grep', ...args], { cwd: root, encoding: 'utf8' });
  return r.status === 1 ? '' : `${r.stdout}${r.stderr}`; // git grep exits 1 when nothing matches
};

it('no tracked file cites a document outside the repository (docs/api.md is the contract)', () => {
  // Spelled in pieces so that this file does not match itself.
  expect(gitGrep('-nwE', `${'S'}PEC(\\.md)?|\\.\\./shared`)).toBe('');
  expect(gitGrep('-nF', `/work/${'shared'}`)).toBe('');
});
