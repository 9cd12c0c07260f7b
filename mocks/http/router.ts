import type { Route } from './route.js';

interface Compiled {
  route: Route;
  pattern: RegExp;
  keys: string[];
}

/** What the table says about a path: the route with its decoded params, or the methods the path allows. */
export type Match = { route: Route; params: Record<string, string> } | { allowed: string[] };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/engagement/offers/:id` → a RegExp over the raw (still percent-encoded) path, and its parameter names. */
function compile(route: Route): Compiled {
  const keys: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return escapeRegExp(segment);
      keys.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), keys };
}

const PATH_AFTER_BASE = /^.*?\/v1(?=\/|$)/;
/** The path after the base URL (`/engagement/offers/ofr_1`), or `undefined` when it has no `/v1` segment. */
export function apiPathOf(pathname: string): string | undefined {
  const path = pathname.replace(PATH_AFTER_BASE, '');
  return path === pathname ? undefined : path;
}

export const isMalformed = (pathname: string): boolean => {
  if (!pathname.includes('%')) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
};

/**
 * The route table, its patterns compiled once. Routes are grouped by their first segment, so a request is
 * matched against the routes of its namespace only.
 */
export class RouteTable {
  readonly #byNamespace = new Map<string, Compiled[]>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const ns = route.path.split('/')[1] ?? '';
      const group = this.#byNamespace.get(ns) ?? [];
      group.push(compile(route));
      this.#byNamespace.set(ns, group);
    }
  }

  /**
   * Whether an API path is the server's: only its own namespaces (`engagement`, `events`, `test_helpers`, …),
   * so that under `setupServer` anything else falls through to the user's handlers.
   */
  owns(path: string): boolean {
    const end = path.indexOf('/', 1);
    return this.#byNamespace.has(path.slice(1, end < 0 ? undefined : end));
  }

  match(method: string, path: string): Match {
    const end = path.indexOf('/', 1);
    const group = this.#byNamespace.get(path.slice(1, end < 0 ? undefined : end)) ?? [];
    const allowed: string[] = [];
    for (const { route, pattern, keys } of group) {
      const m = pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        if (!allowed.includes(route.method)) allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (let i = 0; i < keys.length; i++) params[keys[i] as string] = decodeURIComponent(m[i + 1] ?? '');
      return { route, params };
    }
    return { allowed };
  }
}
