import { VinrError } from './errors.js';

/**
 * Tagged template for request paths: every interpolated value is percent-encoded, and `.`/`..`
 * (which would walk the URL) are refused.
 * @example path`/engagement/offers/${id}/publish`
 */
export function path(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
      throw new VinrError(`Invalid path parameter ${JSON.stringify(value)}: expected a non-empty id.`);
    }
    out += encodeURIComponent(value) + (strings[i + 1] ?? '');
  }
  return out;
}
