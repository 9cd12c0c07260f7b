import { z } from 'zod';
import { toIssues } from '../../../src/schemas/index.js';
import { parseDuration } from '../../engine/clock.js';
import { EngineError, invalid } from '../../engine/errors.js';
import { faultSpec } from '../faults.js';
import { defineRoute, type Route } from '../route.js';

const clockBody = z.strictObject({
  now: z.union([z.string().min(1), z.number()]).optional(),
  advance: z.union([z.number().min(0), z.string().min(1)]).optional(),
});

/** The largest instant a JS `Date` can hold: beyond it `toISOString()` throws. */
const MAX_DATE_MS = 8.64e15;

/** Parses `body` with `schema`, or throws 400 `invalid_request` naming the first failing path. */
function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const issues = toIssues(r.error);
  const first = issues[0];
  const message = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
  // Like the routes: a body that is not an object at all names no parameter.
  throw new EngineError(400, 'invalid_request', `Invalid body: ${message}`, first?.path ? { param: first.path } : {});
}

/** The clock's target time, computed in full before anything moves, so a bad `advance` cannot leave `now` half-applied. */
function clockTarget(now: string | number | undefined, advance: string | number | undefined, current: number) {
  let base = current;
  if (now !== undefined) {
    base = typeof now === 'number' ? now : Date.parse(now);
    if (!Number.isFinite(base) || Math.abs(base) > MAX_DATE_MS) throw invalid('now', `Invalid date: ${String(now)}`);
  }
  if (advance === undefined) return base;
  let by: number;
  try {
    by = parseDuration(advance);
  } catch (e) {
    throw invalid('advance', (e as Error).message);
  }
  if (by < 0) throw invalid('advance', 'The clock only moves forward.');
  if (base + by > MAX_DATE_MS) throw invalid('advance', 'That would move the clock past the largest date.');
  return base + by;
}

const clockView = (ctx: { clock: { now(): Date; frozen: boolean } }) => ({
  object: 'test_clock',
  now: ctx.clock.now().toISOString(),
  frozen: ctx.clock.frozen,
});

/** SPEC §8.2: the test controls over HTTP, for suites in any language. */
export const routes: Route[] = [
  defineRoute({
    method: 'POST',
    path: '/test_helpers/clock',
    testHelper: true,
    handle({ body }, ctx) {
      const b = parse(clockBody, body);
      if (b.now !== undefined || b.advance !== undefined) ctx.clock.set(clockTarget(b.now, b.advance, ctx.clock.ms()));
      return clockView(ctx);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/test_helpers/reset',
    testHelper: true,
    handle({ body }, ctx) {
      parse(z.strictObject({}), body);
      ctx.reset();
      return { ...clockView(ctx), object: 'test_reset' };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/test_helpers/faults',
    testHelper: true,
    handle({ body }, ctx) {
      const spec = parse(faultSpec, body);
      ctx.faults.inject(spec);
      return { object: 'test_fault', ...spec };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/test_helpers/faults',
    testHelper: true,
    handle({ body }, ctx) {
      parse(z.strictObject({}), body);
      ctx.faults.clear();
      return { object: 'test_fault_list', data: [], has_more: false };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/test_helpers/events',
    testHelper: true,
    handle(_input, ctx) {
      const data = ctx.engine.events.all();
      return { object: 'list', data, has_more: false };
    },
  }),
];
