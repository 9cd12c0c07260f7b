/**
 * What a tenant world costs on a shared server (`listen({ tenants: true })`): heap per world and the time of a new
 * key's first request (which makes its world), over loopback, against a request on a world that already exists.
 * The figures behind docs/testing.md, "Sharing one vinr-mock across CI jobs".
 *
 *   node --expose-gc --import tsx bench/tenants.ts [--quick]
 */
import { createVinrMock } from '@vinr/sdk/mocks';

const WORLDS = process.argv.includes('--quick') ? 200 : 1_000;
const server = await createVinrMock().listen({ tenants: { maxWorlds: WORLDS + 1 } });
const create = async (key: string) => {
  const res = await fetch(`${server.baseURL}/engagement/loyalty_accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (res.status !== 200) throw new Error(`${key}: HTTP ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
};
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc, so that heap figures are after a collection');

await create('sk_test_warm');
for (let i = 0; i < 200; i++) await create('sk_test_warm');
let start = performance.now();
for (let i = 0; i < 200; i++) await create('sk_test_warm');
const existing = (performance.now() - start) / 200;

gc();
const before = process.memoryUsage().heapUsed;
start = performance.now();
for (let i = 0; i < WORLDS; i++) await create(`sk_test_world_${i}`);
const first = (performance.now() - start) / WORLDS;
gc();
const perWorld = (process.memoryUsage().heapUsed - before) / WORLDS;
await server.close();

console.log(`${WORLDS} worlds of one account each (one journal entry), over loopback:`);
console.log(`  heap per world                 ${(perWorld / 1024).toFixed(1)} KiB`);
console.log(`  first request of a new key     ${first.toFixed(2)} ms`);
console.log(`  request on an existing world   ${existing.toFixed(2)} ms`);
