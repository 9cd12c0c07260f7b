import { EngineError } from './errors.js';

/** Cursor pagination of every list: newest first, `starting_after` cursor. */
export interface ListQuery {
  limit?: number | undefined;
  starting_after?: string | undefined;
}

export interface ListPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}

export const DEFAULT_LIMIT = 10;

/**
 * One page, newest first, of `rows` (held oldest first, i.e. in creation sequence). The cursor is
 * located by `position` in the unfiltered sequence, so a cursor that no longer matches the filter
 * still works; an unknown cursor is a 404 `resource_missing` with `param: 'starting_after'`.
 */
export function paginate<R, T>(
  rows: readonly R[],
  query: ListQuery,
  position: (cursor: string) => number | undefined,
  serialize: (row: R) => T,
  match?: (row: R) => boolean,
): ListPage<T> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  let start = rows.length - 1;
  if (query.starting_after !== undefined) {
    const at = position(query.starting_after);
    if (at === undefined) {
      throw new EngineError('resource_missing', `No such object: '${query.starting_after}'`, {
        param: 'starting_after',
      });
    }
    start = at - 1;
  }
  const data: T[] = [];
  let hasMore = false;
  for (let i = start; i >= 0; i--) {
    const row = rows[i] as R;
    if (match && !match(row)) continue;
    if (data.length === limit) {
      hasMore = true;
      break;
    }
    data.push(serialize(row));
  }
  return { object: 'list', data, has_more: hasMore };
}
