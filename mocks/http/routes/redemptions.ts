import { defineRoute, type Route } from '../route.js';

/** `/engagement/redemptions`: the redemption log. */
export const routes: Route[] = [
  defineRoute({
    method: 'GET',
    path: '/engagement/redemptions',
    query: 'redemptionList',
    handle: ({ query }, ctx) => ctx.engine.redemptions.list(query),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/redemptions/:id',
    handle: ({ params }, ctx) => ctx.engine.redemptions.retrieve(params.id as string),
  }),
];
