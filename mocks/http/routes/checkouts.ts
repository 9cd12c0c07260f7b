import { defineHandlers } from '../operations.js';

/** Checkouts: translate HTTP to `engine.checkouts`. No rules here. */
export const handlers = defineHandlers({
  'checkouts.preview': ({ body }, ctx) => ctx.engine.checkouts.preview(body),
  'checkouts.create': ({ body }, ctx) => ctx.engine.checkouts.create(body),
  'checkouts.list': ({ query }, ctx) => ctx.engine.checkouts.list(query),
  'checkouts.retrieve': ({ params }, ctx) => ctx.engine.checkouts.retrieve(params.id),
  'checkouts.update': ({ params, body }, ctx) => ctx.engine.checkouts.update(params.id, body),
  'checkouts.complete': ({ params, body }, ctx) => ctx.engine.checkouts.complete(params.id, body),
  'checkouts.cancel': ({ params }, ctx) => ctx.engine.checkouts.cancel(params.id),
});
