import { readFileSync } from 'node:fs';
import { VERSION, Vinr } from '@vinr/sdk';
import { afterEach, describe, expect, test } from 'vitest';
import { startWireServer } from './support/wire-server.js';

// The version lives in package.json; src/version.ts mirrors it (a JSON import would drag package.json into dist).
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('version in one place', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  test('VERSION exported by @vinr/sdk equals package.json version', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    expect(VERSION).toBe(pkg.version);
  });

  test('the User-Agent on the wire carries the package.json version and the Node version', async () => {
    const server = await startWireServer(() => ({ status: 200, body: { object: 'list', data: [], has_more: false } }));
    close = server.close;
    const vinr = new Vinr({ secretKey: 'sk_test_ua', baseURL: server.baseURL, maxRetries: 0 });
    await vinr.engagement.offers.list();
    await vinr.close();
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]!.headers['user-agent']).toBe(`vinr-sdk/${pkg.version} node/${process.versions.node}`);
  });
});
