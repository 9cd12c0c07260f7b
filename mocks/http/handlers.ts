import type { RequestHandler } from 'msw';
import type { MockContext } from './context.js';
import type { Route } from './route.js';
import { createRouter } from './router.js';
import { routes as checkoutRoutes } from './routes/checkouts.js';
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
  ...checkoutRoutes,
  ...pointsTransactionRoutes,
  ...eventRoutes,
  ...webhookEndpointRoutes,
];

/** The msw handlers over one shared context. They know nothing of how they are reached. */
export function createHandlers(ctx: MockContext): RequestHandler[] {
  return [createRouter(allRoutes, ctx)];
}
