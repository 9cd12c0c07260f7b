import { defineHandlers } from '../operations.js';

/** The redemption log. */
export const handlers = defineHandlers({
  'redemptions.list': ({ query }, ctx) => ctx.engine.redemptions.list(query),
  'redemptions.retrieve': ({ params }, ctx) => ctx.engine.redemptions.retrieve(params.id),
});
