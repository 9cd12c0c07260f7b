/**
 * A `vinr-mock` for the loopback benchmark, in its own process: seeds the mix's data, listens on 127.0.0.1, prints
 * `{"port":N,"seeded":{…}}`, and lives until stdin closes. `@vinr/sdk/mocks` is bundled from the sources under test
 * (this repository, or a baseline checkout).
 */
import { createVinrMock } from '@vinr/sdk/mocks';
import { NOW, seed } from './mix.js';

const mock = createVinrMock({ now: NOW });
const seeded = await seed(mock.client({ maxRetries: 0 }));
const server = await mock.listen();
process.stdout.write(`${JSON.stringify({ port: Number(new URL(server.url).port), seeded })}\n`);
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
process.stdin.resume();
