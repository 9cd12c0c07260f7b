import { defineRoute, type Route } from '../route.js';

/** `/engagement/rewards`: translate HTTP to `engine.rewards`. */
export const routes: Route[] = [
  defineRoute({
    method: 'POST',
    path: '/engagement/rewards',
    body: 'rewardCreate',
    handle: ({ body }, ctx) => ctx.engine.rewards.create(body),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/rewards',
    query: 'rewardList',
    handle: ({ query }, ctx) => ctx.engine.rewards.list(query),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/rewards/:id',
    handle: ({ params }, ctx) => ctx.engine.rewards.retrieve(params.id as string),
  }),
];
