/**
 * Recipe: a test suite in another language (Python, Go, Ruby…) runs `vinr-mock` as a process, reads the base URL
 * from its first line of output, and drives it over HTTP with the test helpers. This file does the same from
 * Node, so the recipe is runnable; docs/testing.md has the curl, Python and Go versions.
 *
 *   npx tsx examples/testing-cli.ts
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

/** What a foreign suite does in its fixture: start the process, read one line, stop it with SIGTERM. */
export async function startVinrMock(command: readonly string[] = ['npx', 'vinr-mock', '--port', '0']) {
  const [bin, ...args] = command as [string, ...string[]];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseURL = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    exited.then((code) => reject(new Error(`vinr-mock exited with ${code} before printing its URL`)));
  });
  return {
    baseURL,
    /** SIGTERM; resolves with the exit code (0 when it shut down cleanly). */
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The test helpers over HTTP (docs/api.md, "Reference server"), as plain HTTP calls (what `requests.post(...)` would send). */
export function testHelpers(baseURL: string, secretKey = 'sk_test_vinr_mock') {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseURL}/test_helpers/${path}`, {
      method,
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return {
    setClock: (now: string) => call('POST', 'clock', { now }),
    advanceClock: (advance: string | number) => call('POST', 'clock', { advance }),
    reset: () => call('POST', 'reset', {}),
    injectFault: (spec: Record<string, unknown>) => call('POST', 'faults', spec),
    events: () => call('GET', 'events'),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startVinrMock(process.argv.length > 2 ? process.argv.slice(2) : undefined);
  const helpers = testHelpers(server.baseURL);
  console.log(server.baseURL, (await helpers.setClock('2026-01-01T00:00:00Z')).body);
  console.log('exit code', await server.stop());
}
