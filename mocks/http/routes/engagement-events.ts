import { defineRoute, type Route } from '../route.js';

/** `POST /engagement/events`: qualifying events (`events.track`). */
export const routes: Route[] = [
  defineRoute({
    method: 'POST',
    path: '/engagement/events',
    body: 'eventTrack',
    handle: ({ body }, ctx) => ctx.engine.tracking.track(body),
  }),
];
