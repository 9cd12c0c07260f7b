import { defineRoute, type Route } from '../route.js';

/** `/events`: the log of emitted events, newest first (not `POST /engagement/events`, which is track). */
export const routes: Route[] = [
  defineRoute({
    method: 'GET',
    path: '/events',
    query: 'eventList',
    handle: ({ query }, ctx) => ctx.engine.listEvents(query),
  }),
  defineRoute({
    method: 'GET',
    path: '/events/:id',
    handle: ({ params }, ctx) => ctx.engine.retrieveEvent(params.id as string),
  }),
];
