import type { SchemaName } from '../schemas/index.js';
import { VinrValidationError } from './errors.js';

type SchemasModule = typeof import('../schemas/index.js');
let mod: SchemasModule | undefined;
let loading: Promise<SchemasModule> | undefined;

/** zod (and every schema) is loaded on first use, so `require('@vinr/sdk')` stays cheap. */
const load = (): Promise<SchemasModule> => (loading ??= import('../schemas/index.js').then((m) => (mod = m)));

/** Parses `input` with the named shared schema; rejects with every failing path. */
export async function validate<T>(name: SchemaName, input: unknown): Promise<T> {
  const m = mod ?? (await load());
  const result = m.schemas[name].safeParse(input);
  if (result.success) return result.data as T;
  throw new VinrValidationError(m.toIssues(result.error));
}
