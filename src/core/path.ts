import { VinrError } from './errors.js';

/**
 * Tagged template for request paths: every interpolated value is percent-encoded, and `.`/`..`
 * (which would walk the URL) are refused.
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

const templates = new Map<string, string[]>();

/**
 * Fills an operation's path template (`/engagement/offers/:id/publish`) with `values`, in order, under the
 * same rules as {@link path}. Templates are split once and cached.
 */
export function fillPath(template: string, values: readonly string[]): string {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/:[A-Za-z_]+/);
    templates.set(template, parts);
  }
  if (values.length !== parts.length - 1) {
    throw new VinrError(`${template} takes ${parts.length - 1} path parameter(s), got ${values.length}.`);
  }
  return path(parts as unknown as TemplateStringsArray, ...values);
}
