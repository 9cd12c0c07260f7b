import { defineHandlers } from '../operations.js';

/** Offers: translate HTTP to `engine.offers` / `engine.activations`. No rules here. */
export const handlers = defineHandlers({
  'offers.create': ({ body }, ctx) => ctx.engine.offers.create(body),
  'offers.list': ({ query }, ctx) => ctx.engine.offers.list(query),
  'offers.retrieve': ({ params }, ctx) => ctx.engine.offers.retrieve(params.id),
  'offers.update': ({ params, body }, ctx) => ctx.engine.offers.update(params.id, body),
  'offers.publish': ({ params }, ctx) => ctx.engine.offers.publish(params.id),
  'offers.pause': ({ params }, ctx) => ctx.engine.offers.pause(params.id),
  'offers.resume': ({ params }, ctx) => ctx.engine.offers.resume(params.id),
  'offers.checkEligibility': ({ params, query }, ctx) => ctx.engine.offers.checkEligibility(params.id, query.account),
  'offers.activate': ({ params, body }, ctx) => ctx.engine.activations.activate(params.id, body.account),
});
