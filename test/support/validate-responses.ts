/**
 * Setup file of the whole suite: every reference server a test creates checks each response it sends against
 * the generated openapi.json. A response that does not match fails the test that caused it, even when that test
 * would have tolerated the 500 the server then sends.
 */
import { appendFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { responseValidation } from '../../mocks/http/response-validation.js';

responseValidation.defaultOn = true;

afterEach(() => {
  const violations = responseValidation.violations.splice(0);
  if (violations.length > 0) throw new Error(`Responses that do not match openapi.json:\n${violations.join('\n')}`);
});

// Test files share a worker's modules (`isolate: false`), so the counter runs on across files: count the delta.
let before = 0;
beforeAll(() => {
  before = responseValidation.checked;
});

afterAll(() => {
  appendFileSync(inject('responsesValidatedFile'), `${responseValidation.checked - before}\n`);
});
