import { z } from 'zod';
import { invalid } from '../../engine/errors.js';
import { defineRoute, type Route } from '../route.js';

const clockBody = z.strictObject({
  now: z.string().min(1).optional(),
  advance: z.union([z.number().min(0), z.string().min(1)]).optional(),
});

/** SPEC §8.2: the test controls over HTTP, for suites in any language. */
export const routes: Route[] = [
  defineRoute({
    method: 'POST',
    path: '/test_helpers/clock',
    testHelper: true,
    handle({ body }, ctx) {
      const b = clockBody.safeParse(body ?? {});
      if (!b.success)
        throw invalid(String(b.error.issues[0]?.path[0] ?? 'now'), b.error.issues[0]?.message ?? 'invalid');
      try {
        if (b.data.now !== undefined) ctx.clock.set(b.data.now);
        if (b.data.advance !== undefined) ctx.clock.advance(b.data.advance);
      } catch (e) {
        throw invalid(b.data.now !== undefined ? 'now' : 'advance', (e as Error).message);
      }
      return { object: 'test_clock', now: ctx.clock.now().toISOString(), frozen: ctx.clock.frozen };
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
