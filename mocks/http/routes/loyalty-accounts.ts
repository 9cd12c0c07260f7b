import { defineRoute, type Route } from '../route.js';

/** `/engagement/loyalty_accounts`: translate HTTP to `engine.accounts`. */
export const routes: Route[] = [
  defineRoute({
    method: 'POST',
    path: '/engagement/loyalty_accounts',
    body: 'accountCreate',
    handle: ({ body }, ctx) => ctx.engine.accounts.create(body),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/loyalty_accounts',
    query: 'accountList',
    handle: ({ query }, ctx) => ctx.engine.accounts.list(query),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/loyalty_accounts/:id',
    handle: ({ params }, ctx) => ctx.engine.accounts.retrieve(params.id as string),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/engagement/loyalty_accounts/:id',
    body: 'accountUpdate',
    handle: ({ params, body }, ctx) => ctx.engine.accounts.update(params.id as string, body),
  }),
];
