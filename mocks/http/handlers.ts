import type { RequestHandler } from 'msw';
import type { MockContext } from './context.js';
import { type Route, toHandler } from './route.js';
import { routes as testHelperRoutes } from './routes/test-helpers.js';

/** Every route of the reference server, in matching order. */
export const allRoutes: readonly Route[] = [...testHelperRoutes];

/** The msw handlers over one shared context. They know nothing of how they are reached. */
export function createHandlers(ctx: MockContext): RequestHandler[] {
  return allRoutes.map((r) => toHandler(r, ctx));
}
