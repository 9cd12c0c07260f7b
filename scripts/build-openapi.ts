/**
 * Writes `openapi.json` at the repository root (exported as `@vinr/sdk/openapi.json`) and the operations list
 * of docs/api.md, both from the operation table.
 *   npm run build:openapi
 * `test/openapi.test.ts` fails when either committed file differs from what this would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenAPI } from './openapi/document.js';
import { withOperationsList } from './openapi/operations-doc.js';

const openapi = fileURLToPath(new URL('../openapi.json', import.meta.url));
writeFileSync(openapi, renderOpenAPI());
const api = fileURLToPath(new URL('../docs/api.md', import.meta.url));
writeFileSync(api, withOperationsList(readFileSync(api, 'utf8')));
console.log(`wrote ${openapi} and the operations list of ${api}`);
