import { defineHandlers } from '../operations.js';

/** Qualifying events (`events.track`). */
export const handlers = defineHandlers({
  'engagementEvents.track': ({ body }, ctx) => ctx.engine.tracking.track(body),
});
