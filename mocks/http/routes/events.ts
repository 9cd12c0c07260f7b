import { defineHandlers } from '../operations.js';

/** The log of emitted events, newest first (not `POST /engagement/events`, which is track). */
export const handlers = defineHandlers({
  'events.list': ({ query }, ctx) => ctx.engine.listEvents(query),
  'events.retrieve': ({ params }, ctx) => ctx.engine.retrieveEvent(params.id),
});
