import { defineRoute, type Route } from '../route.js';

/** `GET /engagement/points_transactions?account=`: a member's ledger. */
export const routes: Route[] = [
  defineRoute({
    method: 'GET',
    path: '/engagement/points_transactions',
    query: 'pointsTransactionList',
    handle: ({ query }, ctx) => ctx.engine.accounts.transactions(query),
  }),
];
