import { defineRoute, type Route } from '../route.js';

/** `/engagement/segments`, keyed by `key`: translate HTTP to `engine.segments`. */
export const routes: Route[] = [
  defineRoute({
    method: 'POST',
    path: '/engagement/segments',
    body: 'segmentCreate',
    handle: ({ body }, ctx) => ctx.engine.segments.create(body),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/segments',
    query: 'segmentList',
    handle: ({ query }, ctx) => ctx.engine.segments.list(query),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/segments/:key',
    handle: ({ params }, ctx) => ctx.engine.segments.retrieve(params.key as string),
  }),
  defineRoute({
    method: 'POST',
    path: '/engagement/segments/:key/members',
    body: 'segmentMembers',
    handle: ({ params, body }, ctx) => ctx.engine.segments.addMembers(params.key as string, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/engagement/segments/:key/members',
    body: 'segmentMembers',
    handle: ({ params, body }, ctx) => ctx.engine.segments.removeMembers(params.key as string, body),
  }),
];
