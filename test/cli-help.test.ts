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
