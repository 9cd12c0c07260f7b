import { VinrError } from '@vinr/sdk';
import { z } from 'zod';
import { ClockInputError, clockTarget } from '../../engine/clock.js';
import { invalid } from '../../engine/errors.js';
import { faultSpec } from '../faults.js';
import { invalidInput } from '../respond.js';
import { defineRoute, type Route } from '../route.js';

const clockBody = z.strictObject({
  now: z.union([z.string().min(1), z.number()]).optional(),
  advance: z.union([z.number().min(0), z.string().min(1)]).optional(),
});

/** Parses `body` with `schema`, or throws 400 `invalid_request` naming the first failing path. */
function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  throw invalidInput(r.error, 'body');
}

const clockView = (ctx: { clock: { now(): Date; frozen: boolean } }) => ({
  object: 'test_clock',
  now: ctx.clock.now().toISOString(),
  frozen: ctx.clock.frozen,
});

/** The test controls over HTTP, for suites in any language. */
export const routes: Route[] = [
  defineRoute({
    method: 'POST',
    path: '/test_helpers/clock',
    testHelper: true,
    handle({ body }, ctx) {
      const b = parse(clockBody, body);
      if (b.now !== undefined || b.advance !== undefined) {
        try {
          ctx.clock.set(clockTarget(b, ctx.clock.ms()));
        } catch (e) {
          if (e instanceof ClockInputError) throw invalid(e.field, e.message);
          throw e;
        }
      }
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
    path: '/test_helpers/requests',
    testHelper: true,
    handle(_input, ctx) {
      return { object: 'list', data: ctx.journal.entries(), has_more: false };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/test_helpers/snapshot',
    testHelper: true,
    handle({ body }, ctx) {
      parse(z.strictObject({}), body);
      return ctx.snapshot();
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/test_helpers/restore',
    testHelper: true,
    handle({ body }, ctx) {
      try {
        ctx.restore(body);
      } catch (e) {
        if (e instanceof VinrError) throw invalid('version', e.message);
        throw e;
      }
      return { ...clockView(ctx), object: 'test_restore' };
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
