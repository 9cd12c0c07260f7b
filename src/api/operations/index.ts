/**
 * Every operation of the API, in one table. Plain data (no zod): the SDK's resource methods, the reference
 * server's routes and `openapi.json` are all built from it. Adding an endpoint means one entry here, one
 * engine call (a handler in `mocks/http/routes/`) and one resource method.
 */
import { activityOperations } from './activity.js';
import { checkoutOperations } from './checkouts.js';
import { memberOperations } from './members.js';
import { offerOperations } from './offers.js';
import { webhookOperations } from './webhooks.js';

export const operations = {
  ...offerOperations,
  ...memberOperations,
  ...activityOperations,
  ...checkoutOperations,
  ...webhookOperations,
} as const;

export type Operations = typeof operations;
/** `'offers.retrieve'`, `'segments.addMembers'`, … */
export type OperationName = keyof Operations;
export type { Operation, PathParams } from './types.js';
