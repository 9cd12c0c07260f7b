import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResult, type JsonResult } from '../http/respond.js';
import { type Inspector, isInspectorPath } from '../inspector/serve.js';
import type { LoopbackHooks, ListenOptions as LoopbackListenOptions, LoopbackWorld } from './loopback.js';

/** How many tenant worlds a shared server makes unless `tenants: { maxWorlds }` says otherwise. */
export const DEFAULT_MAX_TENANT_WORLDS = 1_000;

/**
 * The keys a shared server gives a world of its own: `sk_test_` and 1 to 200 of letters, digits, `_`, `.`, `-`
 * (room for a CI job id; bounded, so that a key cannot make the server hold an arbitrary string).
 */
export const TENANT_KEY = /^sk_test_[A-Za-z0-9_.-]{1,200}$/;

/** Options of `tenants` on `mock.listen()`. */
export interface TenantsOptions {
  /** Worlds this server makes at most, besides its own (default 1 000); a new key beyond it gets a 429. */
  maxWorlds?: number;
}

/** Options of `mock.listen()`. */
export interface ListenOptions extends LoopbackListenOptions {
  /**
   * One isolated world per key, for a server shared by parallel CI jobs: every `sk_test_…` key is accepted and
   * gets its own state, clock, faults, journal, idempotency records, webhook endpoints and id generators, made on
   * its first request. The mock's own key keeps reaching the mock itself. See docs/testing.md.
   */
  tenants?: boolean | TenantsOptions | undefined;
}

/** What a shared server needs of one world: the way its requests go in, and its inspector page. */
export interface TenantWorld {
  readonly loopback: LoopbackWorld;
  readonly inspector: Inspector;
}

const bearer = (authorization: string | undefined): string | undefined =>
  authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;

const HOW = 'This server gives every key that starts with sk_test_ a world of its own (tenants)';

/**
 * The loopback hooks of a server shared by tenants: each request goes to the world of its key, made on first use
 * by `make`. The mock's own key reaches `own`; a missing key or one that is not a tenant key is refused here
 * (401), and a new key beyond `maxWorlds` too (429): neither is journaled, since no world owns it.
 */
export function tenantHooks(
  ownKey: string,
  own: TenantWorld,
  make: (key: string) => TenantWorld,
  options: TenantsOptions = {},
): LoopbackHooks {
  const max = options.maxWorlds ?? DEFAULT_MAX_TENANT_WORLDS;
  if (!Number.isInteger(max) || max < 0) {
    throw new RangeError(`tenants.maxWorlds must be an integer ≥ 0, got ${String(max)}`);
  }
  const worlds = new Map<string, TenantWorld>();

  const lookup = (key: string | undefined): TenantWorld | JsonResult => {
    if (key === ownKey) return own;
    if (key === undefined || key === '') {
      return errorResult('authentication_failed', `No API key provided. ${HOW}: send Authorization: Bearer sk_test_….`);
    }
    let world = worlds.get(key);
    if (world) return world;
    if (!TENANT_KEY.test(key)) {
      const message = `Invalid API key provided. ${HOW}: sk_test_ then 1 to 200 letters, digits, _, . or -.`;
      return errorResult('authentication_failed', message);
    }
    if (worlds.size >= max) {
      const message = `This server already holds ${max} tenant worlds, its limit: reuse a key, or raise the limit (tenants: { maxWorlds }, vinr-mock --max-tenants).`;
      return errorResult('rate_limited', message);
    }
    world = make(key);
    worlds.set(key, world);
    return world;
  };

  return {
    world(authorization) {
      const world = lookup(bearer(authorization));
      return 'loopback' in world ? world.loopback : world;
    },
    // The page at `/` shows the server's own world; `/?key=sk_test_…` (or a Bearer header) shows that tenant's.
    serve(req: IncomingMessage, res: ServerResponse) {
      const url = new URL(req.url ?? '/', 'http://inspector');
      if (!isInspectorPath(url.pathname) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      const key = url.searchParams.get('key') ?? bearer(req.headers.authorization);
      const world = key === null || key === undefined ? own : lookup(key);
      if ('inspector' in world) return world.inspector.serve(req, res);
      req.resume();
      res.writeHead(world.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`${(world.body as { error: { message: string } }).error.message}\n`);
      return true;
    },
    close() {
      own.inspector.close();
      for (const world of worlds.values()) world.inspector.close();
      worlds.clear();
    },
  };
}
