import { createRequire } from 'node:module';
import type { RequestHandler } from 'msw';
import { fromFetch, toFetch } from './exchange.js';
import { type OperationHandlers, operationRoutes } from './operations.js';
import type { Pipeline } from './pipeline.js';
import type { Route } from './route.js';
import { handlers as checkoutHandlers } from './routes/checkouts.js';
import { handlers as engagementEventHandlers } from './routes/engagement-events.js';
import { handlers as eventHandlers } from './routes/events.js';
import { handlers as loyaltyAccountHandlers } from './routes/loyalty-accounts.js';
import { handlers as offerHandlers } from './routes/offers.js';
import { handlers as pointsTransactionHandlers } from './routes/points-transactions.js';
import { handlers as redemptionHandlers } from './routes/redemptions.js';
import { handlers as rewardHandlers } from './routes/rewards.js';
import { handlers as segmentHandlers } from './routes/segments.js';
import { routes as testHelperRoutes } from './routes/test-helpers.js';
import { handlers as webhookEndpointHandlers } from './routes/webhook-endpoints.js';

/** One handler per operation of the table: a missing one is a compile error. */
const handlers: OperationHandlers = {
  ...offerHandlers,
  ...loyaltyAccountHandlers,
  ...segmentHandlers,
  ...rewardHandlers,
  ...redemptionHandlers,
  ...engagementEventHandlers,
  ...checkoutHandlers,
  ...pointsTransactionHandlers,
  ...eventHandlers,
  ...webhookEndpointHandlers,
};

/**
 * Every route of the reference server, in matching order: the test helpers (mock-only, outside the operation
 * table and `openapi.json`), then one route per operation of the table.
 */
export const allRoutes: readonly Route[] = [...testHelperRoutes, ...operationRoutes(handlers)];

/**
 * The reference server as ONE msw handler, for `setupServer(...mock.handlers)`: it converts msw's Fetch `Request`
 * into the pipeline's neutral request and the answer back. It claims only the API's own namespaces
 * (`engagement`, `events`, `test_helpers`, …): anything else with a `/v1/` in its URL falls through to the user's
 * handlers or `onUnhandledRequest`. msw is loaded here, on first use (`mock.handlers` is a getter): the other ways
 * in never load it. msw recognises handlers by their `kind`, not by class, so its CommonJS build serves `setupServer`
 * from its ESM build alike.
 */
export function createHandlers(pipeline: Pipeline): RequestHandler[] {
  const { http } = createRequire(import.meta.url)('msw') as typeof import('msw');
  return [
    http.all(/\/v1(\/|$)/, async ({ request }) => {
      if (!pipeline.owns(new URL(request.url).pathname)) return undefined;
      return toFetch(await pipeline.serve(await fromFetch(request)));
    }),
  ];
}
