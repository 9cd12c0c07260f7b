import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('--help says registered endpoints are signed with their own secret, and where to read it', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'mocks/cli.ts', '--help'], {
    cwd: ROOT,
  });
  const flag = stdout.slice(stdout.indexOf('--webhook-secret'), stdout.indexOf('--now'));
  expect(flag).toMatch(/onEvent/);
  expect(flag.replace(/\s+/g, ' ')).toMatch(/signed with each endpoint's own secret: read it from the "secret" field/);
});

test('--help explains --tenants: one isolated world per sk_test_ key, and how to inspect one', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'mocks/cli.ts', '--help'], {
    cwd: ROOT,
  });
  const flag = stdout.slice(stdout.indexOf('--tenants'), stdout.indexOf('-h, --help')).replace(/\s+/g, ' ');
  expect(flag).toMatch(/every key that starts with sk_test_ gets its own isolated world/);
  expect(flag).toMatch(/\?key=sk_test_/);
});
