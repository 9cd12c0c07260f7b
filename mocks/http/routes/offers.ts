import { defineRoute, type Route } from '../route.js';

/** `/engagement/offers`: translate HTTP to `engine.offers` / `engine.activations`. No rules here. */
export const routes: Route[] = [
  defineRoute({
    method: 'POST',
    path: '/engagement/offers',
    body: 'offerCreate',
    handle: ({ body }, ctx) => ctx.engine.offers.create(body),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/offers',
    query: 'offerList',
    handle: ({ query }, ctx) => ctx.engine.offers.list(query),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/offers/:id',
    handle: ({ params }, ctx) => ctx.engine.offers.retrieve(params.id as string),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/engagement/offers/:id',
    body: 'offerUpdate',
    handle: ({ params, body }, ctx) => ctx.engine.offers.update(params.id as string, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/engagement/offers/:id/publish',
    handle: ({ params }, ctx) => ctx.engine.offers.publish(params.id as string),
  }),
  defineRoute({
    method: 'POST',
    path: '/engagement/offers/:id/pause',
    handle: ({ params }, ctx) => ctx.engine.offers.pause(params.id as string),
  }),
  defineRoute({
    method: 'POST',
    path: '/engagement/offers/:id/resume',
    handle: ({ params }, ctx) => ctx.engine.offers.resume(params.id as string),
  }),
  defineRoute({
    method: 'GET',
    path: '/engagement/offers/:id/eligibility',
    query: 'eligibilityQuery',
    handle: ({ params, query }, ctx) => ctx.engine.offers.checkEligibility(params.id as string, query.account),
  }),
  defineRoute({
    method: 'POST',
    path: '/engagement/offers/:id/activations',
    body: 'activationBody',
    handle: ({ params, body }, ctx) => ctx.engine.activations.activate(params.id as string, body.account),
  }),
];
