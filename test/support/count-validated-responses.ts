/** Global setup: sums the responses checked against openapi.json by every test file, and prints the total. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    responsesValidatedFile: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'vinr-responses-'));
  const file = join(dir, 'counts');
  project.provide('responsesValidatedFile', file);
  return () => {
    let total = 0;
    try {
      for (const line of readFileSync(file, 'utf8').split('\n')) total += Number(line) || 0;
    } catch {
      // no test file created a mock
    }
    console.log(`${total} responses of the reference server were checked against openapi.json`);
    rmSync(dir, { recursive: true, force: true });
  };
}
