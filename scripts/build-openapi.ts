/**
 * Writes `openapi.json` at the repository root (exported as `@vinr/sdk/openapi.json`).
 *   npm run build:openapi
 * `test/openapi.test.ts` fails when the committed file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenAPI } from './openapi/document.js';

const out = fileURLToPath(new URL('../openapi.json', import.meta.url));
writeFileSync(out, renderOpenAPI());
console.log(`wrote ${out}`);
