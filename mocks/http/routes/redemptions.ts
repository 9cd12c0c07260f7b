import { defineHandlers } from '../operations.js';

/** The redemption log and the points ledger. */
export const handlers = defineHandlers({
  'redemptions.list': ({ query }, ctx) => ctx.engine.activations.redemptions(query),
  'redemptions.retrieve': ({ params }, ctx) => ctx.engine.activations.redemption(params.id),
});
