import type { RequestHandler } from 'msw';
import type { MockContext } from './context.js';
import { createFallback, createPathGuard } from './fallback.js';
import { type Route, toHandler } from './route.js';
import { routes as engagementEventRoutes } from './routes/engagement-events.js';
import { routes as eventRoutes } from './routes/events.js';
import { routes as loyaltyAccountRoutes } from './routes/loyalty-accounts.js';
import { routes as offerRoutes } from './routes/offers.js';
import { routes as pointsTransactionRoutes } from './routes/points-transactions.js';
import { routes as redemptionRoutes } from './routes/redemptions.js';
import { routes as rewardRoutes } from './routes/rewards.js';
import { routes as segmentRoutes } from './routes/segments.js';
import { routes as testHelperRoutes } from './routes/test-helpers.js';
import { routes as webhookEndpointRoutes } from './routes/webhook-endpoints.js';

/** Every route of the reference server, in matching order. */
export const allRoutes: readonly Route[] = [
  ...testHelperRoutes,
  ...offerRoutes,
  ...loyaltyAccountRoutes,
  ...segmentRoutes,
  ...rewardRoutes,
  ...redemptionRoutes,
  ...engagementEventRoutes,
  ...pointsTransactionRoutes,
  ...eventRoutes,
  ...webhookEndpointRoutes,
];

/** The msw handlers over one shared context. They know nothing of how they are reached. */
export function createHandlers(ctx: MockContext): RequestHandler[] {
  // The guard stays first (malformed paths make msw's matching throw), the fallback last (404/405).
  const routes = allRoutes.map((r) => toHandler(r, ctx));
  return [createPathGuard(ctx), ...routes, createFallback(allRoutes, ctx)];
}
