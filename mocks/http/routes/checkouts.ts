import { defineRoute, type Route } from '../route.js';

/** `/engagement/checkouts`: translate HTTP to `engine.checkouts`. No rules here. */
export const routes: Route[] = [
  defineRoute({
    method: 'POST',
    path: '/engagement/checkouts/preview',
    body: 'checkoutPreview',
    handle: ({ body }, ctx) => ctx.engine.checkouts.preview(body),
  }),
  defineRoute({
    method: 'POST',
    path: '/engagement/checkouts',
    body: 'checkoutCreate',
    handle: ({ body }, ctx) => ctx.engine.checkouts.create(body),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/checkouts',
    query: 'checkoutList',
    handle: ({ query }, ctx) => ctx.engine.checkouts.list(query),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/checkouts/:id',
    handle: ({ params }, ctx) => ctx.engine.checkouts.retrieve(params.id as string),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/engagement/checkouts/:id',
    body: 'checkoutUpdate',
    handle: ({ params, body }, ctx) => ctx.engine.checkouts.update(params.id as string, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/engagement/checkouts/:id/complete',
    body: 'checkoutComplete',
    handle: ({ params, body }, ctx) => ctx.engine.checkouts.complete(params.id as string, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/engagement/checkouts/:id/cancel',
    handle: ({ params }, ctx) => ctx.engine.checkouts.cancel(params.id as string),
  }),
];
