import type { z } from 'zod';
import type { ValidationIssue } from '../core/errors.js';

const join = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Flattens zod issues into `{ path, message }`, one per unknown key so each path can be named. */
export function toIssues(error: z.ZodError): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: join([...issue.path, key]), message: 'unknown parameter' });
    } else {
      out.push({ path: join(issue.path), message: issue.message });
    }
  }
  return out;
}
